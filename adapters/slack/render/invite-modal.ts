import type { types } from '@slack/bolt';
import type { InviteOutcome, Role } from '../../../src/core/index.ts';
import { roleLabel, roleWord } from '../../shared/roles.ts';
import { inviteResultReply } from './invite-result.ts';
import { section } from './reply.ts';

/** The callback id of the invite modal, which Bolt routes its submissions by. */
export const INVITE_MODAL_CALLBACK_ID = 'rollcall:invite';
export const EMAILS_BLOCK = 'emails';
export const ROLE_BLOCK = 'role';

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

function roleOption(role: Role): types.PlainTextOption {
  return { text: plain(roleLabel(role)), value: roleWord(role) };
}

/** The invite form: a multi-line emails field and a role select offering only what the caller may grant. */
export function inviteModal(orgName: string, grantable: readonly Role[]): types.ModalView {
  const initial = grantable.includes('member') ? 'member' : grantable[0];
  return {
    type: 'modal',
    callback_id: INVITE_MODAL_CALLBACK_ID,
    title: plain('Invite people'),
    submit: plain('Invite'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: EMAILS_BLOCK,
        label: plain(`Emails to invite to ${orgName}`.slice(0, 2000)),
        hint: plain('Up to 100 addresses, separated by spaces, commas or new lines.'),
        element: {
          type: 'plain_text_input',
          action_id: EMAILS_BLOCK,
          multiline: true,
          placeholder: plain('alice@example.com, bob@example.com'),
        },
      },
      {
        type: 'input',
        block_id: ROLE_BLOCK,
        label: plain('Role'),
        element: {
          type: 'static_select',
          action_id: ROLE_BLOCK,
          options: grantable.map(roleOption),
          ...(initial === undefined ? {} : { initial_option: roleOption(initial) }),
        },
      },
    ],
  };
}

/** Slack: a modal holds at most 100 blocks. An invite's outcome (≤ 100 addresses) needs under 40. */
const MODAL_BLOCKS = 100;

function resultModal(title: string, blocks: types.KnownBlock[]): types.ModalView {
  return { type: 'modal', title: plain(title), close: plain('Done'), blocks: blocks.slice(0, MODAL_BLOCKS) };
}

/** Shown as soon as a valid submission arrives, while the invitees are looked up and invited. */
export function invitingModal(count: number): types.ModalView {
  return resultModal('Inviting…', [section(`Inviting ${count} ${count === 1 ? 'person' : 'people'}…`)]);
}

/** After a successful submission the modal turns into the outcome, every code included. */
export function inviteDoneModal(outcome: InviteOutcome, now: number): types.ModalView {
  const reply = inviteResultReply(outcome, now);
  const blocks = [reply, ...(reply.continued ?? [])].flatMap((message) => message.blocks ?? []);
  return resultModal('Invitations sent', blocks);
}

/** A refusal found only when inviting (seats taken meanwhile), or an unexpected error's reference. */
export function inviteFailedModal(text: string): types.ModalView {
  return resultModal('Nothing was invited', [section(text)]);
}
