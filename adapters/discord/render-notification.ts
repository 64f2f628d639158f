import { escapeMarkdown } from 'discord.js';
import type { Destination, NotificationEvent } from '../../src/core/index.ts';
import { fitList } from '../shared/fit.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { askPhrase, decisionPhrase } from '../shared/request-wording.ts';
import { roleLabel } from '../shared/roles.ts';
import { type ButtonRow, offerRow } from './components.ts';
import { code, when } from './format.ts';
import { cardContent } from './render-card.ts';
import { promptRow } from './render-term.ts';
import { requestRow } from './request-components.ts';

export interface OutgoingMessage {
  readonly content: string;
  readonly components?: ButtonRow[];
  /** Notifications name people by email; they never ping anyone. */
  readonly allowed_mentions: { parse: [] };
}

type Batch = Extract<NotificationEvent, { kind: 'invitations_sent' }>;

/** Leaves room under Discord's 2,000-character content for the words around the list. */
const LIST_BUDGET = 1_600;

/** A whole batch in one post (SPEC §6): a batch of one reads as one invitation, a long one names whom it can. */
function batchText(event: Batch): string {
  const org = `**${escapeMarkdown(event.orgName)}**`;
  const [only, ...others] = event.invitations;
  if (only !== undefined && others.length === 0)
    return `${code(event.invitedBy)} invited ${code(only.email)} to ${org} as ${roleLabel(event.role)}.`;
  const { shown, left } = fitList(
    event.invitations.map((i) => code(i.email)),
    LIST_BUDGET - org.length,
  );
  const more = left > 0 ? ` and ${left} more (\`/members list what:pending\` shows everyone)` : '';
  return `${code(event.invitedBy)} invited ${event.invitations.length} people to ${org} as ${roleLabel(event.role)}: ${shown}${more}.`;
}

function channelText(event: NotificationEvent): string {
  switch (event.kind) {
    case 'invitations_sent':
      return batchText(event);
    case 'invitation_sent':
    case 'invitation_offer':
      return `${code(event.invitedBy)} invited ${code(event.email)} to **${escapeMarkdown(event.orgName)}** as ${roleLabel(event.role)}.`;
    case 'invitation_accepted':
      return `${code(event.email)} accepted the invitation and joined **${escapeMarkdown(event.orgName)}** as ${roleLabel(event.role)}.`;
    case 'invitation_declined':
      return `${code(event.email)} declined the invitation to **${escapeMarkdown(event.orgName)}**.`;
    case 'invitation_revoked':
      return `${code(event.by)} revoked the invitation of ${code(event.email)}.`;
    case 'invitation_expired':
      return `The invitation of ${code(event.email)} to **${escapeMarkdown(event.orgName)}** expired.`;
    case 'role_changed':
      return `${code(event.by)} changed the role of ${code(event.email)} from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${code(event.by)} removed ${code(event.email)} from **${escapeMarkdown(event.orgName)}**.`;
    case 'member_left':
      return `${code(event.email)} left **${escapeMarkdown(event.orgName)}**.`;
    case 'invitation_reminder':
    case 'membership_ending':
    case 'membership_extended':
      return personalText(event);
    case 'membership_ended':
      return `The membership of ${code(event.email)} in **${escapeMarkdown(event.orgName)}** ended.`;
    case 'removal_undone':
      return `${code(event.by)} undid the removal of ${code(event.email)} from **${escapeMarkdown(event.orgName)}**.`;
    case 'card_update':
      return cardContent(event);
    case 'member_deactivated':
      return `${code(event.email)} was deactivated on ${event.platform}. Remove them from **${escapeMarkdown(event.orgName)}** with \`/members remove\`.`;
    case 'request_made':
      return `${code(event.requester)} asks the owners of **${escapeMarkdown(event.orgName)}** for ${askPhrase(event.ask, code)}. An owner can approve or deny it.`;
    case 'request_decided':
      return `The request of ${code(event.requester)} for ${askPhrase(event.ask, code)} ${decisionPhrase(event.outcome, event.by && code(event.by))}.`;
    case 'ownership_transferred':
      return `${code(event.from)} handed **${escapeMarkdown(event.orgName)}** to ${code(event.email)}, its new owner.`;
    case 'platform_linked':
      return `${code(event.by)} linked **${escapeMarkdown(event.orgName)}** to ${PLATFORM_NAMES[event.platform]}: notices now go to both.`;
  }
}

/** Addressed to the person concerned: the invitee, the inviter, the member whose role changed, the removed member. */
function personalText(event: NotificationEvent): string {
  switch (event.kind) {
    case 'invitations_sent':
      return batchText(event);
    case 'invitation_sent':
    case 'invitation_offer':
      return `${code(event.invitedBy)} invited you (${code(event.email)}) to join **${escapeMarkdown(event.orgName)}** as ${roleLabel(event.role)}. The invitation expires ${when(event.expiresAt, 'R')}.`;
    case 'invitation_accepted':
      return `${code(event.email)} accepted your invitation to **${escapeMarkdown(event.orgName)}**.`;
    case 'invitation_declined':
      return `${code(event.email)} declined your invitation to **${escapeMarkdown(event.orgName)}**.`;
    case 'invitation_revoked':
      return `Your invitation to **${escapeMarkdown(event.orgName)}** was revoked.`;
    case 'invitation_expired':
      return `Your invitation of ${code(event.email)} to **${escapeMarkdown(event.orgName)}** expired without an answer. You can resend it with \`/members resend\`.`;
    case 'role_changed':
      return `${code(event.by)} changed your role in **${escapeMarkdown(event.orgName)}** from ${roleLabel(event.from)} to ${roleLabel(event.to)}.`;
    case 'member_removed':
      return `${code(event.by)} removed you (${code(event.email)}) from **${escapeMarkdown(event.orgName)}**.`;
    case 'member_left':
      return `You left **${escapeMarkdown(event.orgName)}**.`;
    case 'invitation_reminder':
      return `Your invitation of ${code(event.email)} to **${escapeMarkdown(event.orgName)}** expires ${when(event.expiresAt, 'R')}. Use \`/members resend\` or \`/members revoke\`.`;
    case 'membership_ending':
      return `The membership of ${code(event.email)} in **${escapeMarkdown(event.orgName)}** ends ${when(event.endsAt, 'R')}. Use \`/members extend\`, or let it end.`;
    case 'membership_ended':
      return `Your membership of **${escapeMarkdown(event.orgName)}** ended.`;
    case 'membership_extended':
      return `${code(event.by)} extended your membership of **${escapeMarkdown(event.orgName)}**; it now ends ${when(event.endsAt, 'R')}.`;
    case 'removal_undone':
      return `${code(event.by)} undid your removal: you are back in **${escapeMarkdown(event.orgName)}** as ${roleLabel(event.role)}.`;
    case 'member_deactivated':
    case 'request_made':
      return channelText(event);
    case 'request_decided':
      return `Your request to **${escapeMarkdown(event.orgName)}** for ${askPhrase(event.ask, code)} ${decisionPhrase(event.outcome, event.by && code(event.by))}.`;
    case 'card_update':
    case 'platform_linked':
      return channelText(event);
    case 'ownership_transferred':
      return `${code(event.from)} handed **${escapeMarkdown(event.orgName)}** to you: you are now its owner.`;
  }
}

/** `workspaceId`: the organization's server, which a DM's buttons must name (a DM click carries none). */
export function notificationMessage(
  event: NotificationEvent,
  destination: Destination,
  workspaceId?: string,
): OutgoingMessage {
  const allowed_mentions = { parse: [] as [] };
  const inChannel = destination.kind === 'channel';
  const content = inChannel ? channelText(event) : personalText(event);
  if (event.kind === 'request_made')
    return {
      content,
      components: [requestRow(event.requestId, inChannel ? undefined : workspaceId)],
      allowed_mentions,
    };
  if (!inChannel && event.kind === 'invitation_offer')
    return { content, components: [offerRow(event.invitationId)], allowed_mentions };
  const prompt = promptRow(event, inChannel ? undefined : workspaceId);
  return prompt === undefined ? { content, allowed_mentions } : { content, components: [prompt], allowed_mentions };
}
