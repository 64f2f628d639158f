import type { ListInput, Roster } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { relativeTime } from '../shared/time.ts';
import { columns } from './text-columns.ts';

function section(title: string, rows: string[][]): string[] {
  return [title, ...(rows.length === 0 ? ['  (none)'] : columns(rows))];
}

export function renderRoster(roster: Roster, what: ListInput['what'], now: number): string {
  const seats = `${roster.seatsUsed} of ${roster.limit} seats used`;
  const lines = [`${roster.orgName}: ${seats}`];
  if (what !== 'pending') {
    const rows = roster.members.map((m) => [
      m.email,
      roleLabel(m.role),
      `joined ${relativeTime(m.joinedAt, now)}${m.endsAt === undefined ? '' : `, ends ${relativeTime(m.endsAt, now)}`}`,
    ]);
    lines.push(...section(`Members (${roster.members.length})`, rows));
  }
  if (what !== 'members') {
    const rows = roster.pending.map((p) => [
      p.email,
      roleLabel(p.role),
      `invited by ${p.invitedBy}`,
      `expires ${relativeTime(p.expiresAt, now)}`,
    ]);
    lines.push(...section(`Pending invitations (${roster.pending.length})`, rows));
  }
  return lines.join('\n');
}
