import type { ActivityEntry, ActivityPage } from '../../../src/core/index.ts';
import { ACTIVITY_VERBS } from '../../shared/activity-verbs.ts';
import { relativeTime } from '../../shared/time.ts';
import { fallback, packSections, pagedReply } from './paged.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

/** One change, as a line of the activity command and of an owner's Home. */
export function activityLine(entry: ActivityEntry, now: number): string {
  const subject = entry.subject === null || entry.subject === entry.actor ? '' : ` *${escapeText(entry.subject)}*`;
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${escapeText(value)}`)
    .join(', ');
  return `${relativeTime(entry.at, now)} · ${escapeText(entry.actor)} ${ACTIVITY_VERBS[entry.action]}${subject}${details ? ` (${details})` : ''}`;
}

export function activityReply(page: ActivityPage, now: number): SlackReply {
  if (page.entries.length === 0) return { text: 'No activity on this page.' };
  const lines = page.entries.map((entry) => activityLine(entry, now));
  const more = page.page < page.pageCount ? ` Older: \`/members activity ${page.page + 1}\`` : '';
  return pagedReply(
    fallback(lines.join('\n'), `Activity, page ${page.page} of ${page.pageCount}`),
    [section('*Activity*, newest first')],
    packSections(lines, '\n'),
    [context(`Page ${page.page} of ${page.pageCount}.${more}`)],
  );
}
