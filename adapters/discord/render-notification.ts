import type { Destination, NotificationEvent } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { type ButtonRow, offerRow } from './components.ts';
import { code, when } from './format.ts';

export interface OutgoingMessage {
  readonly content: string;
  readonly components?: ButtonRow[];
  /** Notifications name people by email; they never ping anyone. */
  readonly allowed_mentions: { parse: [] };
}

function channelText(event: NotificationEvent): string {
  switch (event.kind) {
    case 'invitation_sent':
    case 'invitation_offer':
      return `${code(event.invitedBy)} invited ${code(event.email)} to **${event.orgName}** as ${roleLabel(event.role)}.`;
    case 'invitation_accepted':
      return `${code(event.email)} accepted the invitation and joined **${event.orgName}** as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `${code(event.email)} declined the invitation to **${event.orgName}**.`;
    case 'invitation_revoked':
      return `${code(event.by)} revoked the invitation of ${code(event.email)}.`;
    case 'invitation_expired':
      return `The invitation of ${code(event.email)} to **${event.orgName}** expired.`;
    case 'role_changed':
      return `${code(event.by)} changed the role of ${code(event.email)} from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${code(event.by)} removed ${code(event.email)} from **${event.orgName}**.`;
    case 'member_left':
      return `${code(event.email)} left **${event.orgName}**.`;
    case 'invitation_reminder':
    case 'membership_ending':
    case 'membership_extended':
      return personalText(event);
    case 'membership_ended':
      return `The membership of ${code(event.email)} in **${event.orgName}** ended.`;
    case 'removal_undone':
      return `${code(event.by)} undid the removal of ${code(event.email)} from **${event.orgName}**.`;
    case 'member_deactivated':
      return `${code(event.email)} was deactivated on ${event.platform}. Remove them from **${event.orgName}** with \`/members remove\`.`;
  }
}

/** Addressed to the person concerned: the invitee, the inviter, the member whose role changed, the removed member. */
function personalText(event: NotificationEvent): string {
  switch (event.kind) {
    case 'invitation_sent':
    case 'invitation_offer':
      return `${code(event.invitedBy)} invited you (${code(event.email)}) to join **${event.orgName}** as ${roleLabel(event.role)}. The invitation expires ${when(event.expiresAt, 'R')}.`;
    case 'invitation_accepted':
      return `${code(event.email)} accepted your invitation to **${event.orgName}**.`;
    case 'invitation_declined':
      return `${code(event.email)} declined your invitation to **${event.orgName}**.`;
    case 'invitation_revoked':
      return `Your invitation to **${event.orgName}** was revoked.`;
    case 'invitation_expired':
      return `Your invitation of ${code(event.email)} to **${event.orgName}** expired without an answer. You can resend it with \`/members resend\`.`;
    case 'role_changed':
      return `${code(event.by)} changed your role in **${event.orgName}** from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${code(event.by)} removed you (${code(event.email)}) from **${event.orgName}**.`;
    case 'member_left':
      return `You left **${event.orgName}**.`;
    case 'invitation_reminder':
      return `Your invitation of ${code(event.email)} to **${event.orgName}** expires ${when(event.expiresAt, 'R')}. Use \`/members resend\` or \`/members revoke\`.`;
    case 'membership_ending':
      return `The membership of ${code(event.email)} in **${event.orgName}** ends ${when(event.endsAt, 'R')}. Use \`/members extend\`, or let it end.`;
    case 'membership_ended':
      return `Your membership of **${event.orgName}** ended.`;
    case 'membership_extended':
      return `${code(event.by)} extended your membership of **${event.orgName}**; it now ends ${when(event.endsAt, 'R')}.`;
    case 'removal_undone':
      return `${code(event.by)} undid your removal: you are back in **${event.orgName}** as ${roleLabel(event.role)}.`;
    case 'member_deactivated':
      return channelText(event);
  }
}

export function notificationMessage(event: NotificationEvent, destination: Destination): OutgoingMessage {
  const allowed_mentions = { parse: [] as [] };
  if (destination.kind === 'channel') return { content: channelText(event), allowed_mentions };
  if (event.kind === 'invitation_offer') {
    return { content: personalText(event), components: [offerRow(event.invitationId)], allowed_mentions };
  }
  return { content: personalText(event), allowed_mentions };
}
