import type { ActivityEntry, ActivityPage } from '../../../src/core/index.ts';
import { ACTIVITY_VERBS } from '../../shared/activity-verbs.ts';
import { relativeTime } from '../../shared/time.ts';
import { packSections } from './pack-sections.ts';
import { context, type SlackReply, section } from './reply.ts';

function entryLine(entry: ActivityEntry, now: number): string {
  const subject = entry.subject === null || entry.subject === entry.actor ? '' : ` *${entry.subject}*`;
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `${relativeTime(entry.at, now)} · ${entry.actor} ${ACTIVITY_VERBS[entry.action]}${subject}${details ? ` (${details})` : ''}`;
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
