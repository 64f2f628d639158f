import type { Destination, NotificationEvent } from '../../src/core/index.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { askPhrase, decisionPhrase } from '../shared/request-wording.ts';
import { roleLabel } from '../shared/roles.ts';

const asTyped = (email: string) => email;

/** Where a line is going, as the console shows it: `[#general]` or `[DM alice@x.com]`. */
export function destinationLabel(destination: Destination): string {
  switch (destination.kind) {
    case 'channel':
      return `[#${destination.channelId}]`;
    case 'user':
      return `[DM ${destination.userId}]`;
    case 'email':
      return `[DM ${destination.email}]`;
  }
}

type Batch = Extract<NotificationEvent, { kind: 'invitations_sent' }>;

/** A batch of one reads as a single invitation; a larger batch is one line listing everyone. */
function batchText(event: Batch): string {
  const [only, ...more] = event.invitations;
  if (only !== undefined && more.length === 0)
    return `${event.invitedBy} invited ${only.email} to ${event.orgName} as ${roleLabel(event.role)}.`;
  const emails = event.invitations.map((i) => i.email).join(', ');
  return `${event.invitedBy} invited ${event.invitations.length} people to ${event.orgName} as ${roleLabel(event.role)}: ${emails}.`;
}

/** One line per event; DMs to the person it happened to speak to them. */
export function notificationText(event: NotificationEvent, toSubject: boolean): string {
  switch (event.kind) {
    case 'invitation_sent':
      return `${event.invitedBy} invited ${event.email} to ${event.orgName} as ${roleLabel(event.role)}.`;
    case 'invitations_sent':
      return batchText(event);
    case 'invitation_offer':
      return (
        `${event.invitedBy} invited you to join ${event.orgName} as ${roleLabel(event.role)}. ` +
        'Accept with the code they forward you: accept <code> (or decline <code>).'
      );
    case 'invitation_accepted':
      return `${event.email} accepted the invitation to ${event.orgName} and joined as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `${event.email} declined the invitation to ${event.orgName}.`;
    case 'invitation_revoked':
      return `${event.by} revoked the invitation of ${event.email} to ${event.orgName}.`;
    case 'invitation_expired':
      return `The invitation of ${event.email} to ${event.orgName} expired.`;
    case 'role_changed':
      return toSubject
        ? `${event.by} changed your role in ${event.orgName} from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`
        : `${event.by} changed ${event.email} from ${roleLabel(event.from)} to ${roleLabel(event.to)} in ${event.orgName}.`;
    case 'member_removed':
      return toSubject
        ? `${event.by} removed you from ${event.orgName}.`
        : `${event.by} removed ${event.email} from ${event.orgName}.`;
    case 'member_left':
      return `${event.email} left ${event.orgName}.`;
    case 'invitation_reminder':
      return `Your invitation of ${event.email} to ${event.orgName} expires ${event.which === 'last' ? 'within the hour' : 'soon'}: resend ${event.email} or revoke ${event.email}.`;
    case 'membership_ending':
      return `The membership of ${event.email} in ${event.orgName} ends soon: extend ${event.email} <duration>, or let it end.`;
    case 'membership_ended':
      return toSubject
        ? `Your membership of ${event.orgName} ended.`
        : `The membership of ${event.email} in ${event.orgName} ended.`;
    case 'membership_extended':
      return `${event.by} extended your membership of ${event.orgName}.`;
    case 'removal_undone':
      return toSubject
        ? `${event.by} undid your removal: you are back in ${event.orgName} as ${roleLabel(event.role)}.`
        : `${event.by} undid the removal of ${event.email} from ${event.orgName}.`;
    case 'card_update':
      // The console cannot edit a line it printed: it prints what changed, the simplest truthful thing.
      return `card: ${event.changed.map((c) => `${c.email} ${c.state}`).join(', ')}`;
    case 'member_deactivated':
      return `${event.email} was deactivated on ${event.platform}; remove them from ${event.orgName}? remove ${event.email}`;
    case 'request_made':
      return `${event.requester} asks the owners of ${event.orgName} for ${askPhrase(event.ask, asTyped)}. Owners answer: approve ${event.requestId} (or deny ${event.requestId}).`;
    case 'request_decided':
      return `The request of ${event.requester} to ${event.orgName} for ${askPhrase(event.ask, asTyped)} ${decisionPhrase(event.outcome, event.by)}.`;
    case 'ownership_transferred':
      return toSubject
        ? `${event.from} handed ${event.orgName} to you: you are now its owner.`
        : `${event.from} handed ${event.orgName} to ${event.email}, its new owner.`;
    case 'platform_linked':
      return `${event.by} linked ${event.orgName} to ${PLATFORM_NAMES[event.platform]}: notices now go to both.`;
  }
}
