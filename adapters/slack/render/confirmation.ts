import type { types } from '@slack/bolt';
import type { ConfirmableAction, PendingConfirmation } from '../../../src/core/index.ts';
import { encodeButton } from '../../shared/button-ids.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime } from '../../shared/time.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

/** Exactly what the confirm button will do (SPEC §3). */
export function describePending(action: ConfirmableAction): string {
  switch (action.kind) {
    case 'revoke':
      return `Revoke the pending invitation of *${action.email}* as ${roleLabel(action.role)} (sent by ${action.invitedBy})? They will no longer be able to accept it.`;
    case 'role':
      return `Change *${action.email}* from ${roleLabel(action.from)} to ${roleLabel(action.to)}?`;
    case 'remove':
      return `Remove *${action.email}* (${roleLabel(action.role)}) from the organization? They and the channel will be notified.`;
    case 'leave':
      return `Leave *${escapeText(action.orgName)}*? You will lose access to the organization until someone invites you again.`;
  }
}

/** What happened, once confirmed; it replaces the confirmation message. */
export function describeDone(action: ConfirmableAction): string {
  switch (action.kind) {
    case 'revoke':
      return `:white_check_mark: The invitation of *${action.email}* was revoked.`;
    case 'role':
      return `:white_check_mark: *${action.email}* is now ${roleLabel(action.to)} (was ${roleLabel(action.from)}).`;
    case 'remove':
      return `:white_check_mark: *${action.email}* was removed from the organization.`;
    case 'leave':
      return `:white_check_mark: You left *${escapeText(action.orgName)}*.`;
  }
}

const VERB: Readonly<Record<ConfirmableAction['kind'], string>> = {
  revoke: 'Revoke',
  role: 'Change role',
  remove: 'Remove',
  leave: 'Leave',
};

/** The ephemeral message with a danger-styled confirm button (and Slack's own confirm dialog) and a cancel button. */
export function confirmationReply(pending: PendingConfirmation, now: number): SlackReply {
  const question = describePending(pending.action);
  const verb = VERB[pending.action.kind];
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
