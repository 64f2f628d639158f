import { escapeMarkdown } from 'discord.js';
import type { Roster } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { code, when } from './format.ts';

export function rosterText(roster: Roster, what: 'all' | 'members' | 'pending'): string {
  // Seats are the whole organization's, whichever half is listed.
  const lines = [`**${escapeMarkdown(roster.orgName)}**: ${roster.seatsUsed} of ${roster.limit} seats used.`];
  if (what !== 'pending') {
    lines.push(`**Members (${roster.members.length})**`);
    for (const m of roster.members)
      lines.push(
        `• ${code(m.email)} ${roleLabel(m.role)}, joined ${when(m.joinedAt, 'd')}${m.endsAt === undefined ? '' : `, ends ${when(m.endsAt, 'R')}`}`,
      );
  }
  if (what !== 'members') {
    lines.push(`**Pending invitations (${roster.pending.length})**`);
    if (roster.pending.length === 0) lines.push('None.');
    for (const p of roster.pending) {
      lines.push(
        `• ${code(p.email)} ${roleLabel(p.role)}, invited by ${code(p.invitedBy)} ${when(p.sentAt, 'R')}, expires ${when(p.expiresAt, 'R')}`,
      );
    }
  }
  return lines.join('\n');
}
