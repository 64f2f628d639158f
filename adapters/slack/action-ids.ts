/**
 * The one place button ids are encoded and decoded. A button carries only `rollcall:<verb>:<id>`:
 * the id of a stored pending action or of an invitation, never what the action does.
 */
export const ACTION_VERBS = ['confirm', 'cancel', 'accept', 'decline'] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

export interface ButtonAction {
  readonly verb: ActionVerb;
  readonly id: string;
}

const PATTERN = /^rollcall:(confirm|cancel|accept|decline):([A-Za-z0-9_-]{1,200})$/;

/** Bolt listens with this pattern, so foreign buttons never reach our handlers. */
export const ACTION_ID_PATTERN = PATTERN;

export function encodeActionId(verb: ActionVerb, id: string): string {
  return `rollcall:${verb}:${id}`;
}

export function decodeActionId(actionId: string): ButtonAction | undefined {
  const match = PATTERN.exec(actionId);
  if (!match?.[1] || !match[2]) return undefined;
  return { verb: match[1] as ActionVerb, id: match[2] };
}

/** The callback id of the invite modal, which Bolt routes its submissions by. */
export const INVITE_MODAL_CALLBACK_ID = 'rollcall:invite';
