import type { Executor } from './executor.ts';
import { type Membership, toMembership } from './memberships.repo.ts';

export type DueMembership = Membership & { readonly orgId: string };

/**
 * Time-limited memberships with something due, read through a partial index (`notice_at` or
 * `ends_at`), oldest first, so the sweep's cost follows what is due.
 */
export async function membershipsDue(
  db: Executor,
  due: { column: 'notice_at' | 'ends_at'; now: number; limit: number },
): Promise<DueMembership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['org_id', 'email', 'role', 'joined_at', 'ends_at', 'duration_ms', 'notice_at', 'invited_by'])
    .where(due.column, '<=', due.now)
    .orderBy(due.column)
    .limit(due.limit)
    .execute();
  return rows.map((row) => ({ ...toMembership(row), orgId: row.org_id }));
}

/** Marks an ending notice sent; false when another process (or an extension) moved it first. */
export async function claimNotice(db: Executor, orgId: string, email: string, seen: number): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set({ notice_at: null })
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('notice_at', '=', seen)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Deletes a membership whose end is the one seen and has come; false when it was extended or already ended. */
export async function deleteEnded(db: Executor, orgId: string, email: string, endsAt: number): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('ends_at', '=', endsAt)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
