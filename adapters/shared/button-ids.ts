/**
 * The one scheme for button ids on every platform: `rollcall:<kind>:<id>`. A button carries only an
 * opaque id (SPEC §3), so a click proves nothing by itself: the core checks who clicked and whether
 * the action or invitation is still open.
 */
export type ButtonAction = (
  | { readonly kind: 'confirm' | 'cancel'; readonly actionId: string }
  | { readonly kind: 'accept' | 'decline'; readonly invitationId: string }
  /** A removal's Undo (SPEC §12): the stored removal's opaque id. */
  | { readonly kind: 'undo'; readonly undoId: string }
  /**
   * SPEC §12's buttons on reminders and prompts name a person by email, the key the core's
   * resend, revoke, extend and remove take; a click runs them exactly like the typed command.
   * `let_end` only acknowledges.
   */
  | { readonly kind: 'resend' | 'revoke' | 'extend' | 'let_end' | 'offboard'; readonly email: string }
  /** Requests (SPEC §12): Ask an owner carries the offer's id, Approve and Deny the request's. */
  | { readonly kind: 'ask' | 'approve' | 'deny'; readonly requestId: string }
) & {
  /**
   * The organization's server, for a button sent where a click carries none (a Discord DM):
   * `rollcall:<kind>:<id>:<workspace>`.
   */
  readonly workspaceId?: string;
};

export type ButtonKind = ButtonAction['kind'];

/** Discord's `custom_id` limit, the stricter of the two (Slack's `action_id` allows 255; SPEC §10). */
export const MAX_BUTTON_ID_LENGTH = 100;

/**
 * Claims the ids of these kinds for the platforms' routers (other listeners keep their own);
 * parseButton then reads them strictly. Opaque ids are the core's tokens (80 characters at most
 * keeps them within Discord's limit).
 */
export const BUTTON_ID_PATTERN =
  /^rollcall:(confirm|cancel|accept|decline|undo|resend|revoke|extend|let_end|offboard|ask|approve|deny):\S+$/;
const OPAQUE_ID = /^[A-Za-z0-9_-]{1,80}$/;
const EMAIL_ID = /^[^\s:@]+@[^\s:@]+$/;
/** Only Discord DMs need the server named: a snowflake. */
const WORKSPACE_ID = /^[0-9]{1,20}$/;

const EMAIL_KINDS = ['resend', 'revoke', 'extend', 'let_end', 'offboard'] as const;
type EmailKind = (typeof EMAIL_KINDS)[number];

function isEmailKind(kind: string): kind is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(kind);
}

function idOf(action: ButtonAction): string {
  if ('actionId' in action) return action.actionId;
  if ('invitationId' in action) return action.invitationId;
  if ('undoId' in action) return action.undoId;
  if ('requestId' in action) return action.requestId;
  return action.email;
}

export function encodeButton(action: ButtonAction): string {
  const where = action.workspaceId === undefined ? '' : `:${action.workspaceId}`;
  return `rollcall:${action.kind}:${idOf(action)}${where}`;
}

/**
 * The id of a button naming a person, or undefined when their address is too long for Discord's
 * limit (rare: over about 85 characters). The message then keeps only its typed command.
 */
export function encodeIfFits(action: ButtonAction): string | undefined {
  const id = encodeButton(action);
  return id.length <= MAX_BUTTON_ID_LENGTH ? id : undefined;
}

/** Typed data for a Rollcall button, or undefined when the id is not one of ours. */
export function parseButton(buttonId: string): ButtonAction | undefined {
  if (buttonId.length > MAX_BUTTON_ID_LENGTH) return undefined;
  const [prefix, kind = '', id = '', where, ...extra] = buttonId.split(':');
  if (prefix !== 'rollcall' || extra.length > 0) return undefined;
  if (where !== undefined && !WORKSPACE_ID.test(where)) return undefined;
  const action = actionOf(kind, id);
  return action === undefined || where === undefined ? action : { ...action, workspaceId: where };
}

function actionOf(kind: string, id: string): ButtonAction | undefined {
  if (isEmailKind(kind)) return EMAIL_ID.test(id) ? { kind, email: id } : undefined;
  if (!OPAQUE_ID.test(id)) return undefined;
  if (kind === 'confirm' || kind === 'cancel') return { kind, actionId: id };
  if (kind === 'accept' || kind === 'decline') return { kind, invitationId: id };
  if (kind === 'ask' || kind === 'approve' || kind === 'deny') return { kind, requestId: id };
  if (kind === 'undo') return { kind, undoId: id };
  return undefined;
}
