import type { ActivityAction, ActivityEntry, ActivityPage } from '../../../src/core/index.ts';
import { relativeTime } from '../relative-time.ts';
import { packSections } from './pack-sections.ts';
import { context, type SlackReply, section } from './reply.ts';

const VERBS: Readonly<Record<ActivityAction, string>> = {
  org_created: 'created the organization',
  invited: 'invited',
  invitation_resent: 'resent the invitation of',
  invitation_revoked: 'revoked the invitation of',
  invitation_accepted: 'accepted the invitation',
  invitation_declined: 'declined the invitation',
  invitation_expired: 'expired the invitation of',
  role_changed: 'changed the role of',
  member_removed: 'removed',
  member_left: 'left the organization',
  channel_set: 'set the notification channel',
  owner_restored: 'restored an owner:',
  notification_undeliverable: 'could not deliver a notification to',
  membership_extended: 'extended the membership of',
  removal_undone: 'undid the removal of',
};

function entryLine(entry: ActivityEntry, now: number): string {
  const subject = entry.subject === null || entry.subject === entry.actor ? '' : ` *${entry.subject}*`;
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `${relativeTime(entry.at, now)} · ${entry.actor} ${VERBS[entry.action]}${subject}${details ? ` (${details})` : ''}`;
}

export function activityReply(page: ActivityPage, now: number): SlackReply {
  if (page.entries.length === 0) return { text: 'No activity on this page.' };
  const lines = page.entries.map((entry) => entryLine(entry, now));
  const more = page.page < page.pageCount ? ` Older: \`/members activity ${page.page + 1}\`` : '';
  const { blocks } = packSections(lines, '\n');
  return {
    text: lines.join('\n'),
    blocks: [section('*Activity*, newest first'), ...blocks, context(`Page ${page.page} of ${page.pageCount}.${more}`)],
  };
}
