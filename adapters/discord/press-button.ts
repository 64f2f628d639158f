import type { Caller, MembershipCore, Result } from '../../src/core/index.ts';
import type { ButtonAction } from '../shared/button-ids.ts';
import type { ButtonRow } from './components.ts';
import { cancelledText, confirmationMessage, confirmedText } from './render-confirmation.ts';
import { acceptedText, declinedText, inviteText, resendText } from './render-invite.ts';
import { decisionCardText, requestMadeText } from './render-requests.ts';
import { extendedText, lettingEndText, undoMessage, undoneText } from './render-term.ts';

export interface ButtonMessage {
  readonly content: string;
  readonly components?: ButtonRow[];
}

/**
 * What a click shows: its outcome in place of the clicked message, or (Revoke, Remove) a new
 * confirmation only the clicker sees, leaving the reminder or prompt as it was (SPEC §3).
 */
export type ButtonAnswer =
  /** `privately`: what only the clicker may see besides, e.g. the codes of an approved invite request. */
  { readonly replace: ButtonMessage; readonly privately?: string } | { readonly ask: ButtonMessage };

function map<T>(result: Result<T>, answer: (value: T) => ButtonAnswer): Result<ButtonAnswer> {
  return result.ok ? { ok: true, value: answer(result.value) } : result;
}

const replace = (content: string): ButtonAnswer => ({ replace: { content } });

/** `run` for a parsed button: one core call; the core decides who may do what. */
export async function pressButton(
  action: ButtonAction,
  caller: Caller,
  core: MembershipCore,
): Promise<Result<ButtonAnswer>> {
  switch (action.kind) {
    case 'confirm':
      return map(await core.confirm(caller, { actionId: action.actionId }), (o) =>
        o.undo === undefined
          ? replace(confirmedText(o.action))
          : { replace: undoMessage(confirmedText(o.action), o.undo) },
      );
    case 'cancel':
      return map(await core.cancel(caller, { actionId: action.actionId }), (o) => replace(cancelledText(o.action)));
    case 'accept':
      return map(await core.accept(caller, { invitationId: action.invitationId }), (o) => replace(acceptedText(o)));
    case 'decline':
      return map(await core.decline(caller, { invitationId: action.invitationId }), (o) => replace(declinedText(o)));
    case 'resend':
      return map(await core.resend(caller, { email: action.email }), (o) => replace(resendText(o)));
    case 'revoke':
      return map(await core.requestRevoke(caller, { email: action.email }), (p) => ({
        ask: confirmationMessage(p, action.workspaceId),
      }));
    case 'offboard':
      return map(await core.requestRemove(caller, { email: action.email }), (p) => ({
        ask: confirmationMessage(p, action.workspaceId),
      }));
    case 'extend':
      return map(await core.extend(caller, { email: action.email }), (o) => replace(extendedText(o)));
    case 'let_end':
      return { ok: true, value: replace(lettingEndText(action.email)) };
    case 'undo':
      return map(await core.undoRemoval(caller, { undoId: action.undoId }), (o) => replace(undoneText(o)));
    // Requests (SPEC §12): invitation codes of an approved invite are the approving owner's alone.
    case 'ask':
      return map(await core.askOwner(caller, { offerId: action.requestId }), (o) => replace(requestMadeText(o)));
    case 'approve':
      return map(await core.approveRequest(caller, { requestId: action.requestId }), (o) => ({
        replace: { content: decisionCardText(o) },
        ...(o.invited === undefined ? {} : { privately: inviteText(o.invited) }),
      }));
    case 'deny':
      return map(await core.denyRequest(caller, { requestId: action.requestId }), (o) => replace(decisionCardText(o)));
  }
}
