/**
 * The one scheme for button ids on every platform: `rollcall:<kind>:<id>`. A button carries only an
 * opaque id (SPEC §3), so a click proves nothing by itself: the core checks who clicked and whether
 * the action or invitation is still open.
 */
export type ButtonAction =
  | { readonly kind: 'confirm' | 'cancel'; readonly actionId: string }
  | { readonly kind: 'accept' | 'decline'; readonly invitationId: string }
  /** Requests (SPEC §12): Ask an owner carries the offer's id, Approve and Deny the request's. */
  | { readonly kind: 'ask' | 'approve' | 'deny'; readonly requestId: string };

export type ButtonKind = ButtonAction['kind'];

/**
 * Ids are the core's opaque tokens. 80 characters keep the whole id within Discord's 100-character
 * `custom_id` and far within Slack's 255-character `action_id` (SPEC §10).
 */
export const BUTTON_ID_PATTERN = /^rollcall:(confirm|cancel|accept|decline|ask|approve|deny):([A-Za-z0-9_-]{1,80})$/;

export function encodeButton(action: ButtonAction): string {
  const id = 'actionId' in action ? action.actionId : 'requestId' in action ? action.requestId : action.invitationId;
  return `rollcall:${action.kind}:${id}`;
}

/** Typed data for a Rollcall button, or undefined when the id is not one of ours. */
export function parseButton(buttonId: string): ButtonAction | undefined {
  const [, kind, id] = BUTTON_ID_PATTERN.exec(buttonId) ?? [];
  if (id === undefined) return undefined;
  if (kind === 'confirm' || kind === 'cancel') return { kind, actionId: id };
  if (kind === 'accept' || kind === 'decline') return { kind, invitationId: id };
  if (kind === 'ask' || kind === 'approve' || kind === 'deny') return { kind, requestId: id };
  return undefined;
}
