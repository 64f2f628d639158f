import type { Selectable } from 'kysely';
import type { Carrier, OutboundNotification } from '../../core/model.ts';
import type { DialectName } from '../connect.ts';
import type { OutboxTable } from '../schema.ts';
import type { Executor } from './executor.ts';

export type OutboxRow = Selectable<OutboxTable>;

/** A notification as the core queues it: not yet attempted, due at once. */
export type NewNotification = Omit<OutboundNotification, 'attempt'> & { readonly now: number };

export async function enqueueNotifications(db: Executor, rows: readonly NewNotification[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
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
      })),
    )
    .execute();
}

/**
 * Claims due rows for the given platforms: each claimed row's next attempt moves out by the lease,
 * so no other process takes it meanwhile, and a crashed claimer's rows come back after the lease.
 * PostgreSQL skips rows another process is claiming; SQLite has one writer at a time.
 */
export async function claimDue(
  db: Executor,
  dialect: DialectName,
  claim: { platforms: readonly Carrier[]; now: number; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  if (claim.platforms.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('outbox')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', claim.now)
      .where('platform', 'in', claim.platforms)
      .orderBy('next_attempt_at')
      .limit(claim.limit);
    if (dialect === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ next_attempt_at: claim.now + claim.leaseMs, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .returningAll()
      .execute();
  });
}

/** A settled row keeps no secret: the code it carried is not left at rest once it reached its mailbox. */
export async function markDelivered(db: Executor, id: string, now: number) {
  await db
    .updateTable('outbox')
    .set({ state: 'delivered', delivered_at: now, secret: null })
    .where('id', '=', id)
    .execute();
}

export async function markUndeliverable(db: Executor, id: string, reason: string) {
  await db
    .updateTable('outbox')
    .set({ state: 'undeliverable', last_error: reason, secret: null })
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
