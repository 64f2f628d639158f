import type { Selectable } from 'kysely';
import type { Carrier, OutboundNotification } from '../../core/model.ts';
import type { DialectName } from '../connect.ts';
import type { OutboxTable } from '../schema.ts';
import type { Executor } from './executor.ts';
import { insertRows } from './insert-rows.ts';

export type OutboxRow = Selectable<OutboxTable>;

/** A notification as the core queues it: not yet attempted, due at once. */
export type NewNotification = Omit<OutboundNotification, 'attempt' | 'messageRef'> & {
  readonly now: number;
  /** The live card this row posts (its announcement) or edits (a `card_update`). */
  readonly cardId?: string;
};

/**
 * Transactions that queued notifications, with the organizations they were about: the core's
 * post-commit hook kicks delivery after those and tells the adapters which organizations changed.
 */
const queuedIn = new WeakMap<Executor, Set<string>>();

/** The organizations this transaction queued notifications for; empty when it queued none. */
export function queuedNotifications(trx: Executor): readonly string[] {
  return [...(queuedIn.get(trx) ?? [])];
}

const OUTBOX_COLUMNS = [
  'id',
  'org_id',
  'platform',
  'workspace_id',
  'destination',
  'event',
  'state',
  'attempts',
  'created_at',
  'next_attempt_at',
  'delivered_at',
  'last_error',
  'secret',
  'card_id',
] as const;

export async function enqueueNotifications(db: Executor, rows: readonly NewNotification[]) {
  if (rows.length === 0) return;
  const orgIds = queuedIn.get(db) ?? new Set<string>();
  for (const row of rows) orgIds.add(row.orgId);
  queuedIn.set(db, orgIds);
  // One row (a command) or a thousand (a sweep batch): the same statement text per row count, built once.
  await insertRows(
    db,
    'outbox',
    OUTBOX_COLUMNS,
    rows.map((n) => ({
      id: n.id,
      org_id: n.orgId,
      platform: n.platform,
      workspace_id: n.workspaceId,
      destination: JSON.stringify(n.destination),
      event: JSON.stringify(n.event),
      state: 'pending' as const,
      attempts: 0,
      created_at: n.now,
      next_attempt_at: n.now,
      delivered_at: null,
      last_error: null,
      secret: n.secret ?? null,
      card_id: n.cardId ?? null,
    })),
  );
}

/**
 * Claims due rows for the given platforms: each claimed row's next attempt moves out by the lease
 * and its attempt count goes up, so no other process takes it meanwhile, and a crashed claimer's
 * rows come back after the (short) lease. PostgreSQL skips rows another process is claiming; SQLite
 * has one writer at a time. A row waits while an older notice to its destination waits (for a
 * retry, or in another claim), so a channel never reads "expired" before "invited"; due rows of
 * one destination are claimed together, oldest first.
 */
export async function claimDue(
  db: Executor,
  dialect: DialectName,
  claim: { platforms: readonly Carrier[]; now: number; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  if (claim.platforms.length === 0) return [];
  let order: string[] = [];
  const rows = await db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('outbox')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', claim.now)
      .where('platform', 'in', claim.platforms)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox as older')
              .select('older.id')
              .where('older.state', '=', 'pending')
              .whereRef('older.platform', '=', 'outbox.platform')
              .whereRef('older.workspace_id', '=', 'outbox.workspace_id')
              .whereRef('older.destination', '=', 'outbox.destination')
              .whereRef('older.created_at', '<', 'outbox.created_at')
              .where('older.next_attempt_at', '>', claim.now),
          ),
        ),
      )
      .orderBy('created_at')
      .limit(claim.limit);
    if (dialect === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => row.id);
    order = ids;
    if (ids.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ next_attempt_at: claim.now + claim.leaseMs, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .returningAll()
      .execute();
  });
  // Back in the order selected: notices queued at the same moment keep the order they were written in.
  const position = new Map(order.map((id, i) => [id, i]));
  return rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/**
 * Extends a claimed row's lease before an attempt, only if this claim still holds it: the row is
 * pending with the attempt count and lease this claimer set. False means the lease ran out and
 * another process claimed it (or delivered it): this one must not try it.
 */
export async function renewLease(
  db: Executor,
  held: { id: string; attempts: number; leasedUntil: number },
  until: number,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ next_attempt_at: until })
    .where('id', '=', held.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', held.attempts)
    .where('next_attempt_at', '=', held.leasedUntil)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** One statement for many: marks rows delivered (a delivered row is never claimed again). */
export async function markDelivered(db: Executor, ids: readonly string[], now: number) {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    // A settled row keeps no secret: the code it carried is not left at rest once it reached its mailbox.
    .set({ state: 'delivered', delivered_at: now, secret: null })
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
}

export async function markUndeliverable(db: Executor, id: string, reason: string) {
  await db
    .updateTable('outbox')
    .set({ state: 'undeliverable', last_error: reason.slice(0, 500), secret: null })
    .where('id', '=', id)
    .execute();
}

export async function reschedule(db: Executor, id: string, nextAttemptAt: number, reason: string) {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: nextAttemptAt, last_error: reason.slice(0, 500) })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

/**
 * Gives a claimed, untried row back at once (the claim's attempt undone): it waits behind an older
 * notice to its destination that failed, so the channel keeps its order.
 */
export async function release(db: Executor, id: string, now: number) {
  await db
    .updateTable('outbox')
    .set((eb) => ({ next_attempt_at: now, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

/** When the next pending row of these platforms falls due (or is released by a lease), if any. */
export async function nextDueAt(db: Executor, platforms: readonly Carrier[]): Promise<number | undefined> {
  if (platforms.length === 0) return undefined;
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('state', '=', 'pending')
    .where('platform', 'in', platforms)
    .executeTakeFirst();
  return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
}

/** Deletes up to `limit` rows delivered before `before`; the activity keeps what happened. */
export async function pruneDelivered(db: Executor, before: number, limit: number): Promise<number> {
  const ids = db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'delivered')
    .where('delivered_at', '<', before)
    .limit(limit);
  const result = await db.deleteFrom('outbox').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}
