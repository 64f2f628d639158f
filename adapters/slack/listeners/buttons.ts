import type { App, BlockAction } from '@slack/bolt';
import type { Caller, Result } from '../../../src/core/index.ts';
import { BUTTON_ID_PATTERN, type ButtonAction, parseButton } from '../../shared/button-ids.ts';
import { describeAction, describeError } from '../../shared/wording.ts';
import { slackConfirmations, slackMessages } from '../messages.ts';
import { acceptedReply, declinedReply, inviteResultReply } from '../render/invite-result.ts';
import type { SlackReply } from '../render/reply.ts';
import { decisionCardText, requestMadeText } from '../render/requests.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/** A click's answer: what replaces the message, and what only the clicker should see (invitation codes). */
type Outcome = Result<string | { text: string; privately: SlackReply }>;

function map<T>(result: Result<T>, word: (value: T) => string | { text: string; privately: SlackReply }): Outcome {
  return result.ok ? { ok: true, value: word(result.value) } : result;
}

/** One core call per button; the button carries only an id, the core decides everything else. */
async function press(deps: ListenerDeps, caller: Caller, button: ButtonAction): Promise<Outcome> {
  const { core } = deps;
  switch (button.kind) {
    case 'confirm':
      return map(
        await core.confirm(caller, { actionId: button.actionId }),
        (v) => describeAction(slackConfirmations, v.action).done,
      );
    case 'cancel':
      return map(await core.cancel(caller, { actionId: button.actionId }), () => 'Cancelled. Nothing changed.');
    case 'accept':
      return map(await core.accept(caller, { invitationId: button.invitationId }), (v) => acceptedReply(v).text);
    case 'decline':
      return map(await core.decline(caller, { invitationId: button.invitationId }), (v) => declinedReply(v).text);
    case 'ask':
      return map(await core.askOwner(caller, { offerId: button.requestId }), requestMadeText);
    case 'approve':
      return map(await core.approveRequest(caller, { requestId: button.requestId }), (v) =>
        v.invited === undefined
          ? decisionCardText(v)
          : { text: decisionCardText(v), privately: inviteResultReply(v.invited, deps.clock()) },
      );
    case 'deny':
      return map(await core.denyRequest(caller, { requestId: button.requestId }), decisionCardText);
  }
}

/**
 * A refusal leaves the original message as it is and tells only the clicker why: a stale, repeated
 * or foreign click must not wipe the requester's buttons or the outcome already shown.
 */
function replyTo(outcome: Outcome): { replace_original: boolean; response_type: 'ephemeral'; text: string } {
  if (outcome.ok) {
    const text = typeof outcome.value === 'string' ? outcome.value : outcome.value.text;
    return { replace_original: true, response_type: 'ephemeral', text };
  }
  return { replace_original: false, response_type: 'ephemeral', text: describeError(slackMessages, outcome.error) };
}

export function registerButtons(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(BUTTON_ID_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    await yieldAfterAck();
    const button = 'action_id' in action ? parseButton(action.action_id) : undefined;
    if (button === undefined) return;
    const tell = (text: string) => respond({ replace_original: false, response_type: 'ephemeral', text });
    await guarded(deps, button.kind, tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const outcome = await press(deps, caller, button);
      countCommand(deps, button.kind, outcome.ok ? 'ok' : outcome.error.code);
      await respond(replyTo(outcome));
      // Codes are the approving owner's alone: never in the channel's card (SPEC §4).
      if (outcome.ok && typeof outcome.value !== 'string') {
        const { privately } = outcome.value;
        for (const message of [privately, ...(privately.continued ?? [])])
          await respond({
            replace_original: false,
            response_type: 'ephemeral',
            text: message.text,
            ...(message.blocks ? { blocks: message.blocks } : {}),
          });
      }
    });
  });
}
