import {
  type APIButtonComponent,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import type { Roster, RosterInvitation, RosterMember, RowAction, RowRef } from '../../src/core/index.ts';
import { ellipsis } from '../shared/fit.ts';
import { roleLabel } from '../shared/roles.ts';
import { encodePage, encodeRow, pageOf } from '../shared/rows.ts';
import { code, when } from './format.ts';
import type { MessageRow } from './message-rows.ts';

/** Discord: a select offers at most 25 options; 20 people a page also keep a page's text near one message. */
export const DISCORD_ROWS_PER_PAGE = 20;
/** Discord: an option's label and description ≤ 100 characters; the list above shows the email whole. */
const OPTION_TEXT = 100;

interface Row {
  readonly line: string;
  readonly ref: RowRef;
  readonly actions: readonly RowAction[];
  readonly email: string;
  readonly summary: string;
}

function memberRow(m: RosterMember): Row {
  const ends = m.endsAt === undefined ? '' : `, ends ${when(m.endsAt, 'R')}`;
  const line = `• ${code(m.email)} ${roleLabel(m.role)}, joined ${when(m.joinedAt, 'd')}${ends}`;
  return { line, ref: m.ref, actions: m.actions, email: m.email, summary: `${roleLabel(m.role)} · member` };
}

function pendingRow(p: RosterInvitation): Row {
  const line = `• ${code(p.email)} ${roleLabel(p.role)}, invited by ${code(p.invitedBy)} ${when(p.sentAt, 'R')}, expires ${when(p.expiresAt, 'R')}`;
  return { line, ref: p.ref, actions: p.actions, email: p.email, summary: `${roleLabel(p.role)} · pending invitation` };
}

/** The people on this page the caller may act on, to pick one; none, no menu. */
function pickMenu(rows: readonly Row[], what: string, page: number): MessageRow[] {
  const actionable = rows.filter((row) => row.actions.length > 0);
  if (actionable.length === 0) return [];
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: `rollcall:pick:${what}:${page}`,
    placeholder: 'Choose someone to act on',
    options: actionable.map((row) => ({
      label: ellipsis(row.email, OPTION_TEXT),
      description: row.summary,
      value: encodeRow(row.ref),
    })),
  };
  return [{ type: ComponentType.ActionRow, components: [select] }];
}

function pager(what: 'all' | 'members' | 'pending', page: number, pages: number): MessageRow[] {
  if (pages <= 1) return [];
  const button = (label: string, to: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: encodePage({ surface: 'list', what, page: to }),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('Previous', Math.max(1, page - 1), page <= 1),
        button('Next', Math.min(pages, page + 1), page >= pages),
      ],
    },
  ];
}

/** A page of the list: its people, a menu to pick one, and Previous/Next past one page. */
export function rosterPage(
  roster: Roster,
  what: 'all' | 'members' | 'pending',
  page = 1,
): { content: string; components: MessageRow[] } {
  const rows = [
    ...(what === 'pending' ? [] : roster.members.map(memberRow)),
    ...(what === 'members' ? [] : roster.pending.map(pendingRow)),
  ];
  const shown = pageOf(rows, page, DISCORD_ROWS_PER_PAGE);
  // Seats are the whole organization's, whichever half is listed.
  const lines = [`**${escapeMarkdown(roster.orgName)}**: ${roster.seatsUsed} of ${roster.limit} seats used.`];
  if (shown.pages > 1) lines.push(`Page ${shown.page} of ${shown.pages}.`);
  const firstPending = what === 'pending' ? 0 : roster.members.length;
  const start = (shown.page - 1) * DISCORD_ROWS_PER_PAGE;
  if (what !== 'pending' && start === 0) lines.push(`**Members (${roster.members.length})**`);
  shown.items.forEach((row, i) => {
    if (what !== 'members' && start + i === firstPending)
      lines.push(`**Pending invitations (${roster.pending.length})**`);
    lines.push(row.line);
  });
  if (what !== 'members' && roster.pending.length === 0) lines.push('**Pending invitations (0)**', 'None.');
  return {
    content: lines.join('\n'),
    components: [...pickMenu(shown.items, what, shown.page), ...pager(what, shown.page, shown.pages)],
  };
}
