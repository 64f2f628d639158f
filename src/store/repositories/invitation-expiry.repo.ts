import { PostgresAdapter, sql } from 'kysely';
import type { Role } from '../../core/model.ts';
import type { Executor } from './executor.ts';

const PENDING = sql.lit<'pending'>('pending');

/** An invitation just moved to Expired, with its organization's name for the notices. */
export interface ExpiredInvitation {
  readonly id: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly expiresAt: number;
}

/**
 * Moves up to `limit` pending invitations past their time to Expired in one statement, oldest first,
 * and returns them. The outer state test is re-checked on each row as it is updated, so a row another
 * transaction resolved meanwhile is not returned (each expiry is handled once); on PostgreSQL the
 * sweep skips rows another sweeper holds rather than waiting for them.
 */
export async function expireDue(
  db: Executor,
  due: { now: number; limit: number; orgId?: string; skipLocked: boolean },
): Promise<ExpiredInvitation[]> {
  let pick = db
    .selectFrom('invitations')
    .select('id')
    .where('state', '=', PENDING)
    .where('expires_at', '<=', due.now)
    .orderBy('expires_at')
    .limit(due.limit);
  if (due.orgId !== undefined) pick = pick.where('org_id', '=', due.orgId);
  if (due.skipLocked) pick = pick.forUpdate().skipLocked();
  // PostgreSQL plans `id in (subquery)` as a hash semi-join over every pending row (its cost grew with
  // the table); an array of the picked ids makes it probe the primary key once per picked row.
  const onPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = await db
    .updateTable('invitations')
    .set({ state: 'expired', resolved_at: due.now })
    .where((eb) => (onPostgres ? eb('id', '=', sql<string>`any(array(${pick}))`) : eb('id', 'in', pick)))
    .where('state', '=', PENDING)
    .returning((eb) => [
      'id',
      'org_id',
      'email',
      'role',
      'invited_by',
      'expires_at',
      // A scalar subquery: SQLite's RETURNING cannot name a joined table.
      eb
        .selectFrom('organizations')
        .select('name')
        .whereRef('organizations.id', '=', 'invitations.org_id')
        .as('org_name'),
    ])
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      orgId: row.org_id,
      orgName: row.org_name ?? '',
      email: row.email,
      role: row.role,
      invitedBy: row.invited_by,
      expiresAt: Number(row.expires_at),
    }))
    .sort((a, b) => a.expiresAt - b.expiresAt || a.id.localeCompare(b.id));
}
