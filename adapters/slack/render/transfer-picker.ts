import type { types } from '@slack/bolt';
import type { CoreError, PendingConfirmation, Result } from '../../../src/core/index.ts';
import { ellipsis } from '../../shared/fit.ts';
import { pickable, TRANSFER_PICKER_ID } from '../../shared/transfer-picker.ts';
import { describeError } from '../../shared/wording.ts';
import { slackMessages } from '../messages.ts';
import { type SlackReply, section } from './reply.ts';

/** Slack: a static select holds ≤ 100 options, each `text` ≤ 75 and `value` ≤ 150 characters. */
const MAX_OPTIONS = 100;
const MAX_OPTION_TEXT = 75;
const MAX_OPTION_VALUE = 150;

type OnlyOwner = Extract<CoreError, { code: 'only_owner_cannot_leave' }>;

/** The refusal with a select of the members who could take over; without any, the refusal alone. */
export function transferPickerReply(refusal: OnlyOwner): SlackReply {
  const text = describeError(slackMessages, refusal);
  const emails = pickable(refusal.candidates, MAX_OPTION_VALUE, MAX_OPTIONS);
  if (emails.length === 0) return { text };
  const picker: types.ActionsBlock = {
    type: 'actions',
    elements: [
      {
        type: 'static_select',
        action_id: TRANSFER_PICKER_ID,
        placeholder: { type: 'plain_text', text: 'Choose the new owner' },
        options: emails.map((email) => ({
          text: { type: 'plain_text', text: ellipsis(email, MAX_OPTION_TEXT) },
          value: email,
        })),
      },
    ],
  };
  return { text, blocks: [section(text), picker] };
}

/** The leave refusal of the only owner, as the picker; any other refusal is the caller's to word. */
export function onlyOwnerRefusal(pending: Result<PendingConfirmation>): OnlyOwner | undefined {
  return !pending.ok && pending.error.code === 'only_owner_cannot_leave' ? pending.error : undefined;
}
