import type { types } from '@slack/bolt';
import type { Roster, RosterInvitation, RosterMember } from '../../../src/core/index.ts';
import { roleLabel } from '../../shared/roles.ts';
import { calendarDate, relativeTime } from '../../shared/time.ts';
import { packSections } from './pack-sections.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

function memberLine(member: RosterMember): string {
  return `*${member.email}*\n${roleLabel(member.role)} · Verified · joined ${calendarDate(member.joinedAt)}`;
}

function pendingLine(invitation: RosterInvitation, now: number): string {
  const expiry =
    invitation.expiresAt > now ? `expires ${relativeTime(invitation.expiresAt, now)}` : 'expired, not yet swept';
  return `*${invitation.email}*\n${roleLabel(invitation.role)} · Pending · invited by ${invitation.invitedBy} · ${expiry}`;
}

export function rosterReply(roster: Roster, what: 'all' | 'members' | 'pending', now: number): SlackReply {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(what === 'pending' ? [] : [plural(roster.members.length, 'member')]),
    ...(what === 'members' ? [] : [`${roster.pending.length} pending`]),
  ];
  const counts = `${parts.join(', ')} (limit ${roster.limit})`;
  const title = `*${escapeText(roster.orgName)}*: ${counts}`;
  const lines = [
    ...(what === 'pending' ? [] : roster.members.map(memberLine)),
    ...(what === 'members' ? [] : roster.pending.map((invitation) => pendingLine(invitation, now))),
  ];
  const { blocks, left } = packSections(lines);
  const footer: types.ContextBlock[] =
    left > 0
      ? [context(`…and ${left} more. Narrow it with \`/members list members\` or \`/members list pending\`.`)]
      : [];
  const empty = lines.length === 0 ? [section(what === 'pending' ? 'No pending invitations.' : 'Nobody yet.')] : [];
  return {
    text: `${roster.orgName}: ${counts}`,
    blocks: [section(title), { type: 'divider' }, ...blocks, ...empty, ...footer],
  };
}
