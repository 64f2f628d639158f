import type { types } from '@slack/bolt';
import type { NotificationEvent } from '../../../src/core/index.ts';
import { encodeButton } from '../../shared/button-ids.ts';
import { fitList } from '../../shared/fit.ts';
import { PLATFORM_NAMES } from '../../shared/platform-names.ts';
import { askPhrase, decisionPhrase } from '../../shared/request-wording.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime } from '../../shared/time.ts';
import { cardText } from './card.ts';
import { promptButtons } from './prompt-buttons.ts';
import { escapeText, type SlackReply, section } from './reply.ts';
import { requestButtons } from './request-buttons.ts';

const boldEmail = (email: string) => `*${escapeText(email)}*`;

type Batch = Extract<NotificationEvent, { kind: 'invitations_sent' }>;

/** Leaves room under Slack's 4,000-character message text for the words around the list. */
const LIST_BUDGET = 3_400;

/** A whole batch in one post (SPEC §6): a batch of one reads as one invitation, a long one names whom it can. */
function batchLine(event: Batch, now: number): string {
  const org = escapeText(event.orgName);
  const by = escapeText(event.invitedBy);
  const [only, ...others] = event.invitations;
  if (only !== undefined && others.length === 0)
    return `:envelope: ${by} invited *${escapeText(only.email)}* to ${org} as ${roleLabel(event.role)} (expires ${relativeTime(only.expiresAt, now)}).`;
  const emails = event.invitations.map((i) => `*${escapeText(i.email)}*`);
  const { shown, left } = fitList(emails, LIST_BUDGET - org.length - by.length);
  const more = left > 0 ? ` and ${left} more (\`/members list pending\` shows everyone)` : '';
  return `:envelope: ${by} invited ${event.invitations.length} people to ${org} as ${roleLabel(event.role)}: ${shown}${more}.`;
}

/** The line posted in the organization's channel. */
export function channelLine(event: NotificationEvent, now: number): string {
  const org = escapeText(event.orgName);
  switch (event.kind) {
    case 'invitations_sent':
      return batchLine(event, now);
    case 'invitation_sent':
    case 'invitation_offer':
      return `:envelope: ${escapeText(event.invitedBy)} invited *${escapeText(event.email)}* to ${org} as ${roleLabel(event.role)} (expires ${relativeTime(event.expiresAt, now)}).`;
    case 'invitation_accepted':
      return `:tada: *${escapeText(event.email)}* joined ${org} as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `*${escapeText(event.email)}* declined the invitation to ${org}.`;
    case 'invitation_revoked':
      return `${escapeText(event.by)} revoked the invitation of *${escapeText(event.email)}* to ${org}.`;
    case 'invitation_expired':
      return `The invitation of *${escapeText(event.email)}* to ${org} expired.`;
    case 'role_changed':
      return `${escapeText(event.by)} changed *${escapeText(event.email)}* from ${roleLabel(event.from)} to ${roleLabel(event.to)} in ${org}.`;
    case 'member_removed':
      return `${escapeText(event.by)} removed *${escapeText(event.email)}* from ${org}.`;
    case 'member_left':
      return `*${escapeText(event.email)}* left ${org}.`;
    case 'invitation_reminder':
    case 'membership_ending':
    case 'membership_extended':
      return directLine(event, now);
    case 'membership_ended':
      return `The membership of *${escapeText(event.email)}* in ${org} ended.`;
    case 'removal_undone':
      return `${escapeText(event.by)} undid the removal of *${escapeText(event.email)}* from ${org}.`;
    case 'card_update':
      return cardText(event, now);
    case 'member_deactivated':
      return `*${escapeText(event.email)}* was deactivated in this workspace. Remove them from ${org} with \`/members remove ${escapeText(event.email)}\`.`;
    case 'request_made':
      return `:raising_hand: ${escapeText(event.requester)} asks the owners of ${org} for ${askPhrase(event.ask, boldEmail)}. An owner can approve or deny it.`;
    case 'request_decided':
      return `The request of ${escapeText(event.requester)} for ${askPhrase(event.ask, boldEmail)} ${decisionPhrase(event.outcome, event.by && escapeText(event.by))}.`;
    case 'ownership_transferred':
      return `:key: ${escapeText(event.from)} handed ${org} to *${escapeText(event.email)}*, its new owner.`;
    case 'platform_linked':
      return `:link: ${escapeText(event.by)} linked ${org} to ${PLATFORM_NAMES[event.platform]}: notices now go to both.`;
  }
}

/** The DM to the person concerned, worded to them. */
export function directLine(event: NotificationEvent, now: number): string {
  const org = escapeText(event.orgName);
  switch (event.kind) {
    case 'invitations_sent':
      return batchLine(event, now);
    case 'invitation_sent':
    case 'invitation_offer':
      return `${escapeText(event.invitedBy)} invited you to join *${org}* as ${roleLabel(event.role)}. The invitation expires ${relativeTime(event.expiresAt, now)}.`;
    case 'invitation_accepted':
      return `You joined *${org}* as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `${escapeText(event.email)} declined your invitation to *${org}*.`;
    case 'invitation_revoked':
      return `Your invitation to *${org}* was revoked by ${escapeText(event.by)}.`;
    case 'invitation_expired':
      return `Your invitation of ${escapeText(event.email)} to *${org}* expired. Send a fresh one with \`/members resend ${escapeText(event.email)}\`.`;
    case 'role_changed':
      return `${escapeText(event.by)} changed your role in *${org}* from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${escapeText(event.by)} removed you from *${org}*.`;
    case 'member_left':
      return `You left *${org}*.`;
    case 'invitation_reminder':
      return `Your invitation of ${escapeText(event.email)} to *${org}* expires ${relativeTime(event.expiresAt, now)}. \`/members resend ${escapeText(event.email)}\` or \`/members revoke ${escapeText(event.email)}\`.`;
    case 'membership_ending':
      return `The membership of ${escapeText(event.email)} in *${org}* ends ${relativeTime(event.endsAt, now)}. \`/members extend ${escapeText(event.email)} <duration>\`, or let it end.`;
    case 'membership_ended':
      return `Your membership of *${org}* ended.`;
    case 'membership_extended':
      return `${escapeText(event.by)} extended your membership of *${org}*; it now ends ${relativeTime(event.endsAt, now)}.`;
    case 'removal_undone':
      return `${escapeText(event.by)} undid your removal: you are back in *${org}* as ${roleLabel(event.role)}.`;
    case 'member_deactivated':
    case 'request_made':
      return channelLine(event, now);
    case 'request_decided':
      return `Your request to *${org}* for ${askPhrase(event.ask, boldEmail)} ${decisionPhrase(event.outcome, event.by && escapeText(event.by))}.`;
    case 'card_update':
    case 'platform_linked':
      return channelLine(event, now);
    case 'ownership_transferred':
      return `${escapeText(event.from)} handed *${org}* to you: you are now its owner.`;
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
  const text = to === 'channel' ? channelLine(event, now) : directLine(event, now);
  // Approve and Deny go with the request wherever it is told: the channel, or each owner's DM when
  // the organization has no channel.
  if (event.kind === 'request_made') return { text, blocks: [section(text), requestButtons(event.requestId)] };
  if (to === 'person' && event.kind === 'invitation_offer')
    return { text, blocks: [section(text), offerButtons(event.invitationId)] };
  const buttons = promptButtons(event);
  return buttons === undefined ? { text } : { text, blocks: [section(text), buttons] };
}
