import { PostgresAdapter, sql } from 'kysely';
import type { Role } from '../../core/model.ts';
import type { Executor } from './executor.ts';

const PENDING = sql.lit<'pending'>('pending');
/** SQLite's implicit row key (invitations has a text primary key, so rowid is not an alias of it). */
const ROWID = sql<number>`rowid`;

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
  let oldestDue = db
    .selectFrom('invitations')
    .where('state', '=', PENDING)
    .where('expires_at', '<=', due.now)
    .orderBy('expires_at')
    .limit(due.limit);
  if (due.orgId !== undefined) oldestDue = oldestDue.where('org_id', '=', due.orgId);
  if (due.skipLocked) oldestDue = oldestDue.forUpdate().skipLocked();
  const onPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = await db
    .updateTable('invitations')
    .set({ state: 'expired', resolved_at: due.now })
    .where((eb) =>
      onPostgres
        ? // `id in (subquery)` was planned as a hash semi-join over every pending row (its cost grew with
          // the table); an array of the picked ids has each probed by primary key.
          eb('id', '=', sql<string>`any(array(${oldestDue.select('id')}))`)
        : // The due index holds each row's rowid: updating by it skips a descent of the primary key's
          // index per row, whose pages (ids in random order across the whole table) mostly miss the cache.
          eb(ROWID, 'in', oldestDue.select(ROWID.as('rowid'))),
    )
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
