import type { types } from '@slack/bolt';
import type { NotificationEvent } from '../../../src/core/index.ts';
import { encodeButton } from '../../shared/button-ids.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime } from '../../shared/time.ts';
import { escapeText, type SlackReply, section } from './reply.ts';

/** The line posted in the organization's channel. */
export function channelLine(event: NotificationEvent, now: number): string {
  const org = escapeText(event.orgName);
  switch (event.kind) {
    case 'invitation_sent':
    case 'invitation_offer':
      return `:envelope: ${event.invitedBy} invited *${event.email}* to ${org} as ${roleLabel(event.role)} (expires ${relativeTime(event.expiresAt, now)}).`;
    case 'invitation_accepted':
      return `:tada: *${event.email}* joined ${org} as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `*${event.email}* declined the invitation to ${org}.`;
    case 'invitation_revoked':
      return `${event.by} revoked the invitation of *${event.email}* to ${org}.`;
    case 'invitation_expired':
      return `The invitation of *${event.email}* to ${org} expired.`;
    case 'role_changed':
      return `${event.by} changed *${event.email}* from ${roleLabel(event.from)} to ${roleLabel(event.to)} in ${org}.`;
    case 'member_removed':
      return `${event.by} removed *${event.email}* from ${org}.`;
    case 'member_left':
      return `*${event.email}* left ${org}.`;
    case 'invitation_reminder':
    case 'membership_ending':
    case 'membership_extended':
      return directLine(event, now);
    case 'membership_ended':
      return `The membership of *${event.email}* in ${org} ended.`;
    case 'removal_undone':
      return `${event.by} undid the removal of *${event.email}* from ${org}.`;
    case 'member_deactivated':
      return `*${event.email}* was deactivated in this workspace. Remove them from ${org} with \`/members remove ${event.email}\`.`;
  }
}

/** The DM to the person concerned, worded to them. */
export function directLine(event: NotificationEvent, now: number): string {
  const org = escapeText(event.orgName);
  switch (event.kind) {
    case 'invitation_sent':
    case 'invitation_offer':
      return `${event.invitedBy} invited you to join *${org}* as ${roleLabel(event.role)}. The invitation expires ${relativeTime(event.expiresAt, now)}.`;
    case 'invitation_accepted':
      return `You joined *${org}* as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `${event.email} declined your invitation to *${org}*.`;
    case 'invitation_revoked':
      return `Your invitation to *${org}* was revoked by ${event.by}.`;
    case 'invitation_expired':
      return `Your invitation of ${event.email} to *${org}* expired. Send a fresh one with \`/members resend ${event.email}\`.`;
    case 'role_changed':
      return `${event.by} changed your role in *${org}* from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${event.by} removed you from *${org}*.`;
    case 'member_left':
      return `You left *${org}*.`;
    case 'invitation_reminder':
      return `Your invitation of ${event.email} to *${org}* expires ${relativeTime(event.expiresAt, now)}. \`/members resend ${event.email}\` or \`/members revoke ${event.email}\`.`;
    case 'membership_ending':
      return `The membership of ${event.email} in *${org}* ends ${relativeTime(event.endsAt, now)}. \`/members extend ${event.email} <duration>\`, or let it end.`;
    case 'membership_ended':
      return `Your membership of *${org}* ended.`;
    case 'membership_extended':
      return `${event.by} extended your membership of *${org}*; it now ends ${relativeTime(event.endsAt, now)}.`;
    case 'removal_undone':
      return `${event.by} undid your removal: you are back in *${org}* as ${roleLabel(event.role)}.`;
    case 'member_deactivated':
      return channelLine(event, now);
  }
}

function offerButtons(invitationId: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: encodeButton({ kind: 'accept', invitationId }),
        text: { type: 'plain_text', text: 'Accept' },
        style: 'primary',
      },
      {
        type: 'button',
        action_id: encodeButton({ kind: 'decline', invitationId }),
        text: { type: 'plain_text', text: 'Decline' },
      },
    ],
  };
}

export function notificationReply(event: NotificationEvent, to: 'channel' | 'person', now: number): SlackReply {
  if (to === 'channel') return { text: channelLine(event, now) };
  const text = directLine(event, now);
  if (event.kind !== 'invitation_offer') return { text };
  return { text, blocks: [section(text), offerButtons(event.invitationId)] };
}
