import type { Role } from '../../core/model.ts';
import type { Executor } from './executor.ts';

export function findMembership(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('memberships')
    .select(['email', 'role', 'joined_at'])
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst();
}

export function listMemberships(db: Executor, orgId: string) {
  return db
    .selectFrom('memberships')
    .select(['email', 'role', 'joined_at'])
    .where('org_id', '=', orgId)
    .orderBy('joined_at')
    .orderBy('email')
    .execute();
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

export async function countOwners(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMembership(db: Executor, row: { orgId: string; email: string; role: Role; now: number }) {
  await db
    .insertInto('memberships')
    .values({ org_id: row.orgId, email: row.email, role: row.role, joined_at: row.now })
    .execute();
}

export async function updateRole(db: Executor, orgId: string, email: string, role: Role) {
  await db.updateTable('memberships').set({ role }).where('org_id', '=', orgId).where('email', '=', email).execute();
}

export async function deleteMembership(db: Executor, orgId: string, email: string) {
  await db.deleteFrom('memberships').where('org_id', '=', orgId).where('email', '=', email).execute();
}

export function suggestMembers(db: Executor, orgId: string, prefix: string, limit: number) {
  return db
    .selectFrom('memberships')
    .select('email')
    .where('org_id', '=', orgId)
    .where('email', 'like', `${prefix.replace(/[%_\\]/g, '')}%`)
    .orderBy('email')
    .limit(limit)
    .execute();
}
