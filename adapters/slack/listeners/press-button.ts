import type { Caller, Result } from '../../../src/core/index.ts';
import type { ButtonAction } from '../../shared/button-ids.ts';
import { describeAction } from '../../shared/wording.ts';
import { slackConfirmations } from '../messages.ts';
import { confirmationReply } from '../render/confirmation.ts';
import { acceptedReply, declinedReply, inviteResultReply, resendReply } from '../render/invite-result.ts';
import type { SlackReply } from '../render/reply.ts';
import { decisionCardText, requestMadeText } from '../render/requests.ts';
import { extendedReply, lettingEndReply, undoneReply, withUndo } from '../render/term.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * What a click shows: its outcome in place of the clicked message, or (Revoke, Remove) a new
 * confirmation only the clicker sees, leaving the reminder or prompt as it was (SPEC §3).
 */
export type ButtonAnswer =
  /** `privately`: what only the clicker may see besides, e.g. the codes of an approved invite request. */
  { readonly replace: SlackReply; readonly privately?: SlackReply } | { readonly ask: SlackReply };

function map<T>(result: Result<T>, answer: (value: T) => ButtonAnswer): Result<ButtonAnswer> {
  return result.ok ? { ok: true, value: answer(result.value) } : result;
}

const replace = (reply: SlackReply): ButtonAnswer => ({ replace: reply });

/** One core call per button; the button carries only an id or an address, the core decides everything else. */
export async function pressButton(
  deps: ListenerDeps,
  teamId: string,
  caller: Caller,
  button: ButtonAction,
): Promise<Result<ButtonAnswer>> {
  const { core, clock } = deps;
  switch (button.kind) {
    case 'confirm':
      return map(await core.confirm(caller, { actionId: button.actionId }), (v) => {
        const done = describeAction(slackConfirmations, v.action).done;
        return replace(v.undo === undefined ? { text: done } : withUndo(done, v.undo, clock()));
      });
    case 'cancel':
      return map(await core.cancel(caller, { actionId: button.actionId }), () =>
        replace({ text: 'Cancelled. Nothing changed.' }),
      );
    case 'accept':
      return map(await core.accept(caller, { invitationId: button.invitationId }), (v) => replace(acceptedReply(v)));
    case 'decline':
      return map(await core.decline(caller, { invitationId: button.invitationId }), (v) => replace(declinedReply(v)));
    case 'resend': {
      // As the typed command does: a DM for an invitee who has since joined the workspace.
      const userId = await deps.directory.forTeam(teamId).lookupByEmail(button.email);
      const input = userId === undefined ? { email: button.email } : { email: button.email, reachableUserId: userId };
      return map(await core.resend(caller, input), (v) => replace(resendReply(v, clock())));
    }
    case 'revoke':
      return map(await core.requestRevoke(caller, { email: button.email }), (v) => ({
        ask: confirmationReply(v, clock()),
      }));
    case 'offboard':
      return map(await core.requestRemove(caller, { email: button.email }), (v) => ({
        ask: confirmationReply(v, clock()),
      }));
    case 'extend':
      return map(await core.extend(caller, { email: button.email }), (v) => replace(extendedReply(v, clock())));
    case 'let_end':
      return { ok: true, value: replace(lettingEndReply(button.email)) };
    case 'undo':
      return map(await core.undoRemoval(caller, { undoId: button.undoId }), (v) => replace(undoneReply(v, clock())));
    // Requests (SPEC §12): invitation codes of an approved invite are the approving owner's alone.
    case 'ask':
      return map(await core.askOwner(caller, { offerId: button.requestId }), (v) =>
        replace({ text: requestMadeText(v) }),
      );
    case 'approve':
      return map(await core.approveRequest(caller, { requestId: button.requestId }), (v) => ({
        replace: { text: decisionCardText(v) },
        ...(v.invited === undefined ? {} : { privately: inviteResultReply(v.invited, clock()) }),
      }));
    case 'deny':
      return map(await core.denyRequest(caller, { requestId: button.requestId }), (v) =>
        replace({ text: decisionCardText(v) }),
      );
  }
}
