import type { Roster, RosterInvitation, RosterMember } from '../../../src/core/index.ts';
import { roleLabel } from '../../shared/roles.ts';
import { calendarDate, relativeTime } from '../../shared/time.ts';
import { packSections, pagedReply } from './paged.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

function memberLine(member: RosterMember, now: number): string {
  const ends = member.endsAt === undefined ? '' : ` · ends ${relativeTime(member.endsAt, now)}`;
  return `*${escapeText(member.email)}*\n${roleLabel(member.role)} · Verified · joined ${calendarDate(member.joinedAt)}${ends}`;
}

function pendingLine(invitation: RosterInvitation, now: number): string {
  const expiry =
    invitation.expiresAt > now ? `expires ${relativeTime(invitation.expiresAt, now)}` : 'expired, not yet swept';
  return `*${escapeText(invitation.email)}*\n${roleLabel(invitation.role)} · Pending · invited by ${escapeText(invitation.invitedBy)} · ${expiry}`;
}

/** Seats are always the whole organization's, whichever half is listed. */
export function rosterReply(roster: Roster, what: 'all' | 'members' | 'pending', now: number): SlackReply {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(what === 'pending' ? [] : [plural(roster.members.length, 'member')]),
    ...(what === 'members' ? [] : [`${roster.pending.length} pending`]),
  ];
  const counts = `${parts.join(', ')} · ${roster.seatsUsed} of ${roster.limit} seats used`;
  const lines = [
    ...(what === 'pending' ? [] : roster.members.map((member) => memberLine(member, now))),
    ...(what === 'members' ? [] : roster.pending.map((invitation) => pendingLine(invitation, now))),
  ];
  const empty = lines.length === 0 ? [section(what === 'pending' ? 'No pending invitations.' : 'Nobody yet.')] : [];
  return pagedReply(
    `${escapeText(roster.orgName)}: ${counts}`,
    [section(`*${escapeText(roster.orgName)}*: ${counts}`), { type: 'divider' }, ...empty],
    packSections(lines),
    [],
    (left) => context(`…and ${left} more. Narrow it with \`/members list members\` or \`/members list pending\`.`),
  );
}
