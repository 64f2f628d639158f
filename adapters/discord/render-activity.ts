import type { ActivityEntry, ActivityPage } from '../../src/core/index.ts';
import { ACTIVITY_VERBS } from '../shared/activity-verbs.ts';
import { code, when } from './format.ts';

function entryLine(entry: ActivityEntry): string {
  const subject = entry.subject ? ` ${code(entry.subject)}` : '';
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `• ${when(entry.at)} ${code(entry.actor)} ${ACTIVITY_VERBS[entry.action]}${subject}${details ? ` (${details})` : ''}`;
}

export function activityText(page: ActivityPage): string {
  const head = `**Activity**, page ${page.page} of ${Math.max(page.pageCount, 1)}, newest first`;
  if (page.entries.length === 0) return `${head}\nNothing here.`;
  const next = page.page < page.pageCount ? `\nOlder: \`/members activity page:${page.page + 1}\`` : '';
  return [head, ...page.entries.map(entryLine)].join('\n') + next;
}
