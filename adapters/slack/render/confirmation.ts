import type { types } from '@slack/bolt';
import type { PendingConfirmation } from '../../../src/core/index.ts';
import { encodeButton } from '../../shared/button-ids.ts';
import { relativeTime } from '../../shared/time.ts';
import { describeAction } from '../../shared/wording.ts';
import { slackConfirmations } from '../messages.ts';
import { context, type SlackReply, section } from './reply.ts';

/** The ephemeral message with a danger-styled confirm button (and Slack's own confirm dialog) and a cancel button. */
export function confirmationReply(pending: PendingConfirmation, now: number): SlackReply {
  const { question, button: verb } = describeAction(slackConfirmations, pending.action);
  const actions: types.ActionsBlock = {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: encodeButton({ kind: 'confirm', actionId: pending.actionId }),
        text: { type: 'plain_text', text: verb },
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Are you sure?' },
          text: { type: 'mrkdwn', text: question },
          confirm: { type: 'plain_text', text: verb },
          deny: { type: 'plain_text', text: 'Back' },
          style: 'danger',
        },
      },
      {
        type: 'button',
        action_id: encodeButton({ kind: 'cancel', actionId: pending.actionId }),
        text: { type: 'plain_text', text: 'Cancel' },
      },
    ],
  };
  return {
    text: question,
    blocks: [
      section(question),
      actions,
      context(`Only you can confirm this. It expires ${relativeTime(pending.expiresAt, now)}.`),
    ],
  };
}
