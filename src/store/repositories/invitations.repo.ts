import { type Selectable, sql } from 'kysely';
import type { InvitationState, Platform, Role } from '../../core/model.ts';
import type { InvitationTable } from '../schema.ts';
import type { Executor } from './executor.ts';
import { insertWholeRows, type WholeRow } from './insert-rows.ts';
import { prepared } from './prepared.ts';

/** An invitation as the core reasons about it. */
export interface Invitation {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly role: Role;
  readonly state: InvitationState;
  readonly codeHash: string;
  readonly invitedBy: string;
  readonly sentAt: number;
  readonly expiresAt: number;
  /** The chat account it was addressed to (Discord `user` option, Slack lookup), if any. */
  readonly target: ChatTarget | null;
  /** When the next expiry reminder is due; null when none is left. */
  readonly remindAt: number | null;
  /** The term of the membership it offers (SPEC §12); null for one without an end. */
  readonly durationMs: number | null;
}

export interface ChatTarget {
  readonly platform: Platform;
  readonly userId: string;
}

/**
 * 'pending' written into the SQL rather than bound: SQLite can use the partial indexes (`where state =
 * 'pending'`) for a bound value only by re-preparing the statement for each binding, which would undo
 * the statement cache; a literal keeps one plan per statement.
 */
const PENDING = sql.lit<'pending'>('pending');

export function toInvitation(row: Selectable<InvitationTable>): Invitation {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    role: row.role,
    state: row.state,
    codeHash: row.code_hash,
    invitedBy: row.invited_by,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    target:
      row.target_platform === null || row.target_user_id === null
        ? null
        : { platform: row.target_platform, userId: row.target_user_id },
    remindAt: row.remind_at,
    durationMs: row.duration_ms,
  };
}

const selectInvitationById = prepared((db, v: { id: string }) =>
  db.selectFrom('invitations').selectAll().where('id', '=', v.id),
);

export async function findInvitationById(db: Executor, id: string): Promise<Invitation | undefined> {
  const [row] = (await selectInvitationById(db, { id })).rows;
  return row && toInvitation(row);
}

const selectInvitationsByCodeHash = prepared((db, v: { codeHash: string }) =>
  db.selectFrom('invitations').selectAll().where('code_hash', '=', v.codeHash),
);

export async function findInvitationsByCodeHash(db: Executor, codeHash: string): Promise<Invitation[]> {
  return (await selectInvitationsByCodeHash(db, { codeHash })).rows.map(toInvitation);
}

/** The pending invitation for an email, whether or not its time has run out. */
const selectPending = prepared((db, v: { orgId: string; email: string }) =>
  db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', v.orgId)
    .where('email', '=', v.email)
    .where('state', '=', PENDING),
);

export async function findPending(db: Executor, orgId: string, email: string): Promise<Invitation | undefined> {
  const [row] = (await selectPending(db, { orgId, email })).rows;
  return row && toInvitation(row);
}

/** The newest invitation for an email that can be resent: pending first, else the latest expired. */
export async function findResendable(db: Executor, orgId: string, email: string): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('state', 'in', ['pending', 'expired'])
    .orderBy('state', 'desc')
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toInvitation(row);
}

const selectOneOverdue = prepared((db, v: { orgId: string; now: number }) =>
  db
    .selectFrom('invitations')
    .select('id')
    .where('org_id', '=', v.orgId)
    .where('state', '=', PENDING)
    .where('expires_at', '<=', v.now)
    .limit(1),
);

/** Whether a pending invitation of the organization has run out of time (read from invitations_org_due). */
export async function hasOverdue(db: Executor, orgId: string, now: number): Promise<boolean> {
  return (await selectOneOverdue(db, { orgId, now })).rows.length > 0;
}

/** Pending invitations whose time has not run out, soonest to expire first. */
export async function listLivePending(db: Executor, orgId: string, now: number): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('state', '=', PENDING)
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .execute();
  return rows.map(toInvitation);
}

export async function pendingAmong(db: Executor, orgId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('invitations')
    .select('email')
    .where('org_id', '=', orgId)
    .where('state', '=', PENDING)
    .where('email', 'in', emails)
    .execute();
  return new Set(rows.map((row) => row.email));
}

export async function countPending(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('state', '=', PENDING)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewInvitation {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly role: Role;
  readonly codeHash: string;
  readonly invitedBy: string;
  readonly now: number;
  readonly expiresAt: number;
  readonly target: ChatTarget | null;
  readonly remindAt: number | null;
  readonly durationMs: number | null;
}

export async function insertInvitation(db: Executor, inv: NewInvitation) {
  await insertInvitations(db, [inv]);
}

/** One invitation (the usual invite) or a batch, in as few statements as the bound-value limits allow. */
export async function insertInvitations(db: Executor, invitations: readonly NewInvitation[]) {
  await insertWholeRows(db, 'invitations', invitations.map(invitationRow));
}

function invitationRow(inv: NewInvitation): WholeRow<'invitations'> {
  return {
    id: inv.id,
    org_id: inv.orgId,
    email: inv.email,
    role: inv.role,
    state: 'pending',
    code_hash: inv.codeHash,
    invited_by: inv.invitedBy,
    created_at: inv.now,
    sent_at: inv.now,
    expires_at: inv.expiresAt,
    resolved_at: null,
    target_platform: inv.target?.platform ?? null,
    target_user_id: inv.target?.userId ?? null,
    remind_at: inv.remindAt,
    duration_ms: inv.durationMs,
  };
}

/** Moves a pending invitation to its end state; false when it had already left Pending. */
export async function resolveInvitation(db: Executor, id: string, state: InvitationState, now: number) {
  return (await resolvePending(db, { id, state, now })).numAffectedRows === 1n;
}

const resolvePending = prepared((db, v: { id: string; state: InvitationState; now: number }) =>
  db
    .updateTable('invitations')
    .set({ state: v.state, resolved_at: v.now })
    .where('id', '=', v.id)
    .where('state', '=', PENDING),
);

export async function rearmInvitation(
  db: Executor,
  id: string,
  fields: { codeHash: string; now: number; expiresAt: number; target: ChatTarget | null; remindAt: number | null },
) {
  await db
    .updateTable('invitations')
    .set({
      code_hash: fields.codeHash,
      sent_at: fields.now,
      expires_at: fields.expiresAt,
      remind_at: fields.remindAt,
      ...(fields.target ? { target_platform: fields.target.platform, target_user_id: fields.target.userId } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', PENDING)
    .execute();
}

export async function suggestPending(db: Executor, orgId: string, prefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('invitations')
    .select('email')
    .where('org_id', '=', orgId)
    .where('state', '=', PENDING)
    .where('email', 'like', `${prefix.replace(/[%_\\]/g, '')}%`)
    .orderBy('email')
    .limit(limit)
    .execute();
  return rows.map((row) => row.email);
}
