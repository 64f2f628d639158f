import type { Executor } from './executor.ts';
import { type Invitation, toInvitation } from './invitations.repo.ts';

/**
 * Pending invitations whose next reminder is due and whose time has not run out, read through the
 * partial index on `remind_at`; PostgreSQL skips rows another sweeper holds.
 */
export async function lockRemindersDue(
  db: Executor,
  due: { now: number; limit: number; skipLocked: boolean },
): Promise<Array<Invitation & { orgName: string }>> {
  let query = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .selectAll('invitations')
    .select('organizations.name as org_name')
    .where('invitations.state', '=', 'pending')
    .where('invitations.remind_at', '<=', due.now)
    .where('invitations.expires_at', '>', due.now)
    .orderBy('invitations.remind_at')
    .limit(due.limit);
  if (due.skipLocked) query = query.forUpdate('invitations').skipLocked();
  const rows = await query.execute();
  return rows.map((row) => ({ ...toInvitation(row), orgName: row.org_name }));
}

/**
 * Moves a pending invitation's reminder from the one seen to the next; false when another process
 * (or a resend) moved it first, so each reminder is sent once.
 */
export async function claimReminder(db: Executor, id: string, seen: number, next: number | null): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ remind_at: next })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('remind_at', '=', seen)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
