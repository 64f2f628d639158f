import type { App, BlockAction, types } from '@slack/bolt';
import type { Result } from '../../../src/core/index.ts';
import { BUTTON_ID_PATTERN, parseButton } from '../../shared/button-ids.ts';
import { describeError } from '../../shared/wording.ts';
import { slackMessages } from '../messages.ts';
import { messageModal, replyModal } from '../render/row-modals.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { type ButtonAnswer, pressButton } from './press-button.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/**
 * A refusal leaves the original message as it is and tells only the clicker why: a stale, repeated
 * or foreign click must not wipe the requester's buttons or the outcome already shown.
 */
function replyTo(outcome: Result<ButtonAnswer>) {
  if (!outcome.ok)
    return {
      replace_original: false,
      response_type: 'ephemeral',
      text: describeError(slackMessages, outcome.error),
    } as const;
  const { value } = outcome;
  const reply = 'replace' in value ? value.replace : value.ask;
  return {
    replace_original: 'replace' in value,
    response_type: 'ephemeral',
    text: reply.text,
    ...(reply.blocks === undefined ? {} : { blocks: reply.blocks }),
  } as const;
}

/** What a click inside a modal (e.g. Undo on the Home's "Done") shows: the modal becomes it. */
function modalFor(outcome: Result<ButtonAnswer>): types.ModalView {
  if (!outcome.ok) return messageModal('Nothing changed', describeError(slackMessages, outcome.error));
  const { value } = outcome;
  if ('ask' in value) return replyModal('Please confirm', value.ask);
  const shown = value.privately === undefined ? value.replace : value.privately;
  return replyModal('Done', shown);
}

export function registerButtons(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(BUTTON_ID_PATTERN, async ({ ack, body, action, respond, client }) => {
    await ack();
    await yieldAfterAck();
    const button = 'action_id' in action ? parseButton(action.action_id) : undefined;
    if (button === undefined) return;
    // A click in a modal has no response_url: the modal itself is updated instead.
    const viewId = body.container?.type === 'view' ? body.view?.id : undefined;
    const show = (view: types.ModalView) => client.views.update({ view_id: viewId ?? '', view });
    const tell = (text: string) =>
      viewId === undefined
        ? respond({ replace_original: false, response_type: 'ephemeral', text })
        : show(messageModal('Something went wrong', text));
    await guarded(deps, button.kind, tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const outcome = await pressButton(deps, teamId, caller, button);
      countCommand(deps, button.kind, outcome.ok ? 'ok' : outcome.error.code);
      if (viewId !== undefined) {
        await show(modalFor(outcome));
        return;
      }
      await respond(replyTo(outcome));
      // Codes are the approving owner's alone: never in the channel's card (SPEC §4).
      const privately = outcome.ok && 'privately' in outcome.value ? outcome.value.privately : undefined;
      if (privately !== undefined) {
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
