import type { Role, RowAction, RowRef } from '../../src/core/index.ts';

/**
 * Row menus (SPEC §11), one scheme for Slack and Discord. A menu entry carries only what to do and
 * an opaque row handle (an invitation id, or a member reference the core resolves inside the
 * clicker's organization), never an email: the core checks everything again at click time.
 */
export type RowChoice =
  | { readonly action: RowAction; readonly row: RowRef; readonly role?: Role }
  | { readonly action: 'accept' | 'decline'; readonly row: { readonly invitationId: string } };

/** Slack's overflow `action_id`; buttons and Discord components carry `rollcall:row:<choice>`. */
export const ROW_MENU_ID = 'rollcall:row';
export const ROW_MENU_PATTERN = /^rollcall:row(:|$)/;

/** What each menu entry says, the same on every platform. */
export const ROW_ACTION_LABELS: Readonly<Record<RowChoice['action'], string>> = {
  resend: 'Resend',
  revoke: 'Revoke',
  role: 'Change role',
  remove: 'Remove',
  leave: 'Leave',
  accept: 'Accept',
  decline: 'Decline',
};

const ROW = /^(m|i)\.([A-Za-z0-9_-]{1,40})$/;
const CHOICE = /^(resend|revoke|role|remove|leave|accept|decline)(?:\.(owner|billing_admin|member))?:(.+)$/;

/** At most 43 characters: within Slack's 150-character option value and Discord's 100-character ids. */
export function encodeRow(row: RowRef): string {
  return 'memberRef' in row ? `m.${row.memberRef}` : `i.${row.invitationId}`;
}

export function parseRow(text: string): RowRef | undefined {
  const [, kind, id] = ROW.exec(text) ?? [];
  if (id === undefined) return undefined;
  return kind === 'm' ? { memberRef: id } : { invitationId: id };
}

export function encodeChoice(choice: RowChoice): string {
  const role = 'role' in choice && choice.role !== undefined ? `.${choice.role}` : '';
  return `${choice.action}${role}:${encodeRow(choice.row)}`;
}

/** Typed data for a menu entry, or undefined for anything else (a forged value changes nothing). */
export function parseChoice(text: string): RowChoice | undefined {
  const [, action, role, rowText] = CHOICE.exec(text) ?? [];
  const row = rowText === undefined ? undefined : parseRow(rowText);
  if (action === undefined || row === undefined) return undefined;
  if (action === 'accept' || action === 'decline') return 'invitationId' in row ? { action, row } : undefined;
  const rowAction = action as RowAction;
  return role === undefined ? { action: rowAction, row } : { action: rowAction, row, role: role as Role };
}

/** Previous / Next of a paged list or Home: `rollcall:page:<surface>:<what>:<page>`. */
export type PageTarget = {
  readonly surface: 'list' | 'home';
  readonly what: 'all' | 'members' | 'pending';
  readonly page: number;
};

const PAGE = /^rollcall:page:(list|home):(all|members|pending):(\d{1,6})$/;
export const PAGE_PATTERN = /^rollcall:page:/;

export function encodePage(target: PageTarget): string {
  return `rollcall:page:${target.surface}:${target.what}:${target.page}`;
}

export function parsePage(id: string): PageTarget | undefined {
  const [, surface, what, page] = PAGE.exec(id) ?? [];
  if (surface === undefined || what === undefined || page === undefined) return undefined;
  return {
    surface: surface as PageTarget['surface'],
    what: what as PageTarget['what'],
    page: Math.max(1, Number(page)),
  };
}

/** The slice of `items` on a 1-based page, the page clamped to those that exist. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(1, page), pages);
  return { items: items.slice((at - 1) * size, at * size), page: at, pages };
}
