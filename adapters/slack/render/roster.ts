import type { types } from '@slack/bolt';
import type { Roster, RosterInvitation, RosterMember } from '../../../src/core/index.ts';
import { roleLabel } from '../../shared/roles.ts';
import { pageOf } from '../../shared/rows.ts';
import { calendarDate, relativeTime } from '../../shared/time.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';
import { pager, rowSection } from './row-menu.ts';

/**
 * One section a row, so each carries its own menu: 40 rows and at most 5 blocks around them stay
 * within Slack's 50 blocks a message. Longer lists page with Previous/Next.
 */
export const LIST_ROWS_PER_PAGE = 40;

export function memberLine(member: RosterMember, now: number): string {
  const ends = member.endsAt === undefined ? '' : ` · ends ${relativeTime(member.endsAt, now)}`;
  return `*${escapeText(member.email)}*\n${roleLabel(member.role)} · Verified · joined ${calendarDate(member.joinedAt)}${ends}`;
}

export function pendingLine(invitation: RosterInvitation, now: number): string {
  const expiry =
    invitation.expiresAt > now ? `expires ${relativeTime(invitation.expiresAt, now)}` : 'expired, not yet swept';
  return `*${escapeText(invitation.email)}*\n${roleLabel(invitation.role)} · Pending · invited by ${escapeText(invitation.invitedBy)} · ${expiry}`;
}

/** Every row of the roster as a section with its menu, members first. */
export function rosterRows(roster: Roster, now: number): types.SectionBlock[] {
  return [
    ...roster.members.map((m) => rowSection(memberLine(m, now), m.ref, m.actions)),
    ...roster.pending.map((p) => rowSection(pendingLine(p, now), p.ref, p.actions)),
  ];
}

/** Seats are always the whole organization's, whichever half is listed. */
export function rosterReply(roster: Roster, what: 'all' | 'members' | 'pending', now: number, page = 1): SlackReply {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(what === 'pending' ? [] : [plural(roster.members.length, 'member')]),
    ...(what === 'members' ? [] : [`${roster.pending.length} pending`]),
  ];
  const counts = `${parts.join(', ')} · ${roster.seatsUsed} of ${roster.limit} seats used`;
  const rows = rosterRows(roster, now);
  const shown = pageOf(rows, page, LIST_ROWS_PER_PAGE);
  const empty = rows.length === 0 ? [section(what === 'pending' ? 'No pending invitations.' : 'Nobody yet.')] : [];
  const paging = pager({ surface: 'list', what }, shown.page, shown.pages);
  const title = `${escapeText(roster.orgName)}: ${counts}`;
  return {
    text: title,
    blocks: [
      section(`*${escapeText(roster.orgName)}*: ${counts}`),
      { type: 'divider' },
      ...empty,
      ...shown.items,
      ...(shown.pages > 1 ? [context(`Page ${shown.page} of ${shown.pages}.`)] : []),
      ...(paging ? [paging] : []),
    ],
  };
}
