import type { ActivityEntry, ActivityPage } from '../../src/core/index.ts';
import { code, when } from './format.ts';

const ACTIONS: Readonly<Record<ActivityEntry['action'], string>> = {
  org_created: 'created the organization',
  invited: 'invited',
  invitation_resent: 'resent the invitation of',
  invitation_revoked: 'revoked the invitation of',
  invitation_accepted: 'accepted the invitation',
  invitation_declined: 'declined the invitation',
  invitation_expired: 'expired the invitation of',
  role_changed: 'changed the role of',
  member_removed: 'removed',
  member_left: 'left',
  channel_set: 'set the notification channel',
  owner_restored: 'restored an owner:',
  notification_undeliverable: 'could not deliver a notification to',
  membership_extended: 'extended the membership of',
  removal_undone: 'undid the removal of',
};

function entryLine(entry: ActivityEntry): string {
  const subject = entry.subject ? ` ${code(entry.subject)}` : '';
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `• ${when(entry.at)} ${code(entry.actor)} ${ACTIONS[entry.action]}${subject}${details ? ` (${details})` : ''}`;
}

export function activityText(page: ActivityPage): string {
  const head = `**Activity**, page ${page.page} of ${Math.max(page.pageCount, 1)}, newest first`;
  if (page.entries.length === 0) return `${head}\nNothing here.`;
  const next = page.page < page.pageCount ? `\nOlder: \`/members activity page:${page.page + 1}\`` : '';
  return [head, ...page.entries.map(entryLine)].join('\n') + next;
}
