import type { types } from '@slack/bolt';
import type { ConfirmableAction, PendingConfirmation } from '../../../src/core/index.ts';
import { encodeButton } from '../../shared/button-ids.ts';
import { ellipsis } from '../../shared/fit.ts';
import { relativeTime } from '../../shared/time.ts';
import { describeAction } from '../../shared/wording.ts';
import { slackConfirmations } from '../messages.ts';
import { context, type SlackReply, section } from './reply.ts';

/** Slack: a confirm dialog's text ≤ 300 characters. */
const DIALOG_CHARS = 300;
/** Addresses in the dialog are cut to this; the message above it shows them whole. */
const DIALOG_ADDRESS = 60;

/** The action with its addresses and name shortened, for the dialog only. */
function forDialog(action: ConfirmableAction): ConfirmableAction {
  const short = (text: string) => ellipsis(text, DIALOG_ADDRESS);
  switch (action.kind) {
    case 'revoke':
      return { ...action, email: short(action.email), invitedBy: short(action.invitedBy) };
    case 'leave':
    case 'transfer':
      return { ...action, email: short(action.email), orgName: short(action.orgName) };
    default:
      return { ...action, email: short(action.email) };
  }
}

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
          text: {
            type: 'mrkdwn',
            text: ellipsis(describeAction(slackConfirmations, forDialog(pending.action)).question, DIALOG_CHARS),
          },
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
