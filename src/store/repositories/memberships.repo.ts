import { sql } from 'kysely';
import type { Role } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { insertRow } from './insert-rows.ts';
import { prepared } from './prepared.ts';

/** A Verified member of an organization. */
export interface Membership {
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: number;
  /** Set for a time-limited membership (SPEC §12), else null. */
  readonly term: MembershipTerm | null;
}

/** When a time-limited membership ends, its last term, when its ending notice is due, and who granted it. */
export interface MembershipTerm {
  readonly endsAt: number;
  readonly durationMs: number;
  readonly noticeAt: number | null;
  readonly invitedBy: string | null;
}

const COLUMNS = ['email', 'role', 'joined_at', 'ends_at', 'duration_ms', 'notice_at', 'invited_by'] as const;

type MembershipRow = {
  email: string;
  role: Role;
  joined_at: number;
  ends_at: number | null;
  duration_ms: number | null;
  notice_at: number | null;
  invited_by: string | null;
};

export function toMembership(row: MembershipRow): Membership {
  const term =
    row.ends_at === null || row.duration_ms === null
      ? null
      : { endsAt: row.ends_at, durationMs: row.duration_ms, noticeAt: row.notice_at, invitedBy: row.invited_by };
  return { email: row.email, role: row.role, joinedAt: row.joined_at, term };
}

function termColumns(term: MembershipTerm | null) {
  return {
    ends_at: term?.endsAt ?? null,
    duration_ms: term?.durationMs ?? null,
    notice_at: term?.noticeAt ?? null,
    invited_by: term?.invitedBy ?? null,
  };
}

const selectMembership = prepared((db, v: { orgId: string; email: string }) =>
  db.selectFrom('memberships').select(COLUMNS).where('org_id', '=', v.orgId).where('email', '=', v.email),
);

export async function findMembership(db: Executor, orgId: string, email: string): Promise<Membership | undefined> {
  const [row] = (await selectMembership(db, { orgId, email })).rows;
  return row && toMembership(row);
}

export async function listMemberships(db: Executor, orgId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    // Read in this order from the memberships_roster index (migration 006): no sort step.
    .orderBy('joined_at')
    .orderBy('email')
    .execute();
  return rows.map(toMembership);
}

export async function membersAmong(db: Executor, orgId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('email')
    .where('org_id', '=', orgId)
    .where('email', 'in', emails)
    .execute();
  return new Set(rows.map((row) => row.email));
}

export async function countMembers(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of these emails are members and which hold a pending invitation, in one query. */
export async function standingAmong(
  db: Executor,
  orgId: string,
  emails: readonly string[],
): Promise<{ members: Set<string>; pending: Set<string> }> {
  const standing = { members: new Set<string>(), pending: new Set<string>() };
  if (emails.length === 0) return standing;
  const [only] = emails;
  const rows =
    emails.length === 1 && only !== undefined
      ? (await selectStandingOfOne(db, { orgId, email: only })).rows
      : await selectStanding(db, orgId, emails).execute();
  for (const row of rows) (row.kind === 'member' ? standing.members : standing.pending).add(row.email);
  return standing;
}

function selectStanding(db: Executor, orgId: string, emails: readonly string[]) {
  return db
    .selectFrom('memberships')
    .select(['email', sql.lit<'member' | 'pending'>('member').as('kind')])
    .where('org_id', '=', orgId)
    .where('email', 'in', emails)
    .unionAll(
      db
        .selectFrom('invitations')
        .select(['email', sql.lit<'member' | 'pending'>('pending').as('kind')])
        .where('org_id', '=', orgId)
        .where('state', '=', sql.lit('pending'))
        .where('email', 'in', emails),
    );
}

/** The one-email invite, the usual command, as a prepared statement of the same text. */
const selectStandingOfOne = prepared((db, v: { orgId: string; email: string }) =>
  selectStanding(db, v.orgId, [v.email]),
);

/** Seats in use: members plus pending invitations, in one query. */
export async function countSeatsTaken(db: Executor, orgId: string): Promise<number> {
  const [row] = (await selectSeatsTaken(db, { orgId })).rows;
  if (!row) throw new Error('a select without FROM returned no row');
  // PostgreSQL returns count(*) as a string (bigint): Number() reads both dialects.
  return Number(row.members) + Number(row.pending);
}

const selectSeatsTaken = prepared((db, v: { orgId: string }) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('memberships')
      .select(eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', v.orgId)
      .as('members'),
    eb
      .selectFrom('invitations')
      .select(eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', v.orgId)
      .where('state', '=', sql.lit('pending'))
      .as('pending'),
  ]),
);

export async function countOwners(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMembership(
  db: Executor,
  row: { orgId: string; email: string; role: Role; now: number; term?: MembershipTerm | null },
) {
  await insertRow(db, 'memberships', {
    org_id: row.orgId,
    email: row.email,
    role: row.role,
    joined_at: row.now,
    ...termColumns(row.term ?? null),
  });
}

/** Owners are never time-limited: a promotion to owner makes the membership permanent, so no end removes an owner. */
export async function updateRole(db: Executor, orgId: string, email: string, role: Role) {
  await db
    .updateTable('memberships')
    .set(role === 'owner' ? { role, ...termColumns(null) } : { role })
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .execute();
}

export async function setTerm(db: Executor, orgId: string, email: string, term: MembershipTerm) {
  await db
    .updateTable('memberships')
    .set(termColumns(term))
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .execute();
}

export async function listOwners(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('email')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .orderBy('email')
    .execute();
  return rows.map((row) => row.email);
}

const deleteMembershipRow = prepared((db, v: { orgId: string; email: string }) =>
  db.deleteFrom('memberships').where('org_id', '=', v.orgId).where('email', '=', v.email),
);

export async function deleteMembership(db: Executor, orgId: string, email: string) {
  await deleteMembershipRow(db, { orgId, email });
}

export async function suggestMembers(db: Executor, orgId: string, prefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('email')
    .where('org_id', '=', orgId)
    .where('email', 'like', `${prefix.replace(/[%_\\]/g, '')}%`)
    .orderBy('email')
    .limit(limit)
    .execute();
  return rows.map((row) => row.email);
}

/** Members who are not owners, oldest first: who could take over from the only owner (SPEC §12 transfer). */
export async function listNonOwners(db: Executor, orgId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('email')
    .where('org_id', '=', orgId)
    .where('role', '!=', 'owner')
    .orderBy('joined_at')
    .orderBy('email')
    .limit(limit)
    .execute();
  return rows.map((row) => row.email);
}
