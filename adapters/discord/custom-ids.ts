/**
 * The one scheme for button ids: `rollcall:<kind>:<id>`. A button carries only an opaque id
 * (SPEC §3), so a click proves nothing by itself: the core checks who clicked and whether the
 * action or invitation is still open.
 */
export type ButtonAction =
  | { readonly kind: 'confirm' | 'cancel'; readonly actionId: string }
  | { readonly kind: 'accept' | 'decline'; readonly invitationId: string };

const PREFIX = 'rollcall';
/** Discord limits custom ids to 100 characters; ids are opaque tokens from the core. */
const ID = /^[^:\s]{1,80}$/;

export function encodeButton(action: ButtonAction): string {
  const id = 'actionId' in action ? action.actionId : action.invitationId;
  return `${PREFIX}:${action.kind}:${id}`;
}

/** Typed data for a Rollcall button, or undefined when the id is not one of ours. */
export function parseButton(customId: string): ButtonAction | undefined {
  const [prefix, kind, id, ...rest] = customId.split(':');
  if (prefix !== PREFIX || id === undefined || rest.length > 0 || !ID.test(id)) return undefined;
  if (kind === 'confirm' || kind === 'cancel') return { kind, actionId: id };
  if (kind === 'accept' || kind === 'decline') return { kind, invitationId: id };
  return undefined;
}
