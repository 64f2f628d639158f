import type { types } from '@slack/bolt';
import { type PendingConfirmation, ROLES, type RosterRow } from '../../../src/core/index.ts';
import { ellipsis } from '../../shared/fit.ts';
import { roleLabel } from '../../shared/roles.ts';
import { encodeRow } from '../../shared/rows.ts';
import { relativeTime } from '../../shared/time.ts';
import { describeAction } from '../../shared/wording.ts';
import { slackConfirmations } from '../messages.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

/** Callback ids Bolt routes the row modals' submissions by. */
export const ROW_CONFIRM_CALLBACK_ID = 'rollcall:row-confirm';
export const ROW_ROLE_CALLBACK_ID = 'rollcall:row-role';
export const ROLE_SELECT_BLOCK = 'new_role';

/** Slack: a modal's title, submit and close ≤ 24 characters. */
const TITLE_CHARS = 24;
const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: ellipsis(text, TITLE_CHARS) });

/**
 * SPEC §3 in a modal: exactly what will happen, submitted with the action's verb; the stored
 * action's opaque id is all the modal carries (private_metadata). Cancel leaves it to expire.
 */
export function confirmationModal(pending: PendingConfirmation, now: number): types.ModalView {
  const { question, button } = describeAction(slackConfirmations, pending.action);
  return {
    type: 'modal',
    callback_id: ROW_CONFIRM_CALLBACK_ID,
    private_metadata: pending.actionId,
    title: plain('Please confirm'),
    submit: plain(button),
    close: plain('Cancel'),
    blocks: [
      section(question),
      context(`Only you can confirm this. It expires ${relativeTime(pending.expiresAt, now)}.`),
    ],
  };
}

/** Change role: a select of the other roles; submitting it asks for the confirmation. */
export function roleModal(row: RosterRow): types.ModalView {
  const options = ROLES.filter((role) => role !== row.role).map((role) => ({
    text: { type: 'plain_text' as const, text: roleLabel(role) },
    value: role,
  }));
  return {
    type: 'modal',
    callback_id: ROW_ROLE_CALLBACK_ID,
    private_metadata: encodeRow(row.ref),
    title: plain('Change role'),
    submit: plain('Continue'),
    close: plain('Cancel'),
    blocks: [
      section(`*${escapeText(row.email)}* is ${roleLabel(row.role)}.`),
      {
        type: 'input',
        block_id: ROLE_SELECT_BLOCK,
        label: { type: 'plain_text', text: 'New role' },
        element: { type: 'static_select', action_id: ROLE_SELECT_BLOCK, options },
      },
    ],
  };
}

/** An outcome or a refusal, with nothing left to submit. */
export function messageModal(title: string, markdown: string): types.ModalView {
  return { type: 'modal', title: plain(title), close: plain('Done'), blocks: [section(markdown)] };
}

/**
 * A reply shown in a modal rather than a message: its blocks (an outcome's Undo, a confirmation's
 * buttons) work there too, since a click in a modal updates the modal (listeners/buttons.ts).
 */
export function replyModal(title: string, reply: SlackReply): types.ModalView {
  return { type: 'modal', title: plain(title), close: plain('Done'), blocks: reply.blocks ?? [section(reply.text)] };
}
