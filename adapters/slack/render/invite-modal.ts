import type { types } from '@slack/bolt';
import type { InviteOutcome, Role } from '../../../src/core/index.ts';
import { roleLabel, roleWord } from '../../shared/roles.ts';
import { inviteResultReply } from './invite-result.ts';

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

/** After a successful submission the modal turns into the outcome, codes included. */
export function inviteDoneModal(outcome: InviteOutcome, now: number): types.ModalView {
  return {
    type: 'modal',
    title: plain('Invitations sent'),
    close: plain('Done'),
    blocks: inviteResultReply(outcome, now).blocks ?? [],
  };
}
