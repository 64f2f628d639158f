import type { Clock, Notifier } from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/connect.ts';
import { claimDue, markUndeliverable, type OutboxRow, release, renewLease } from '../store/repositories/outbox.repo.ts';
import { ATTEMPT_DEADLINE_MS, attemptDelivery, toOutbound } from './attempt-delivery.ts';
import { forEachByDestination } from './by-destination.ts';
import { CARD_RETIRED, keepMessageRef, withCardNow } from './card-delivery.ts';
import { coalesceCardEdits, withCoveredChanges } from './coalesce-cards.ts';
import { createDeliveredMarks } from './delivered-marks.ts';
import { reasonClass, settleFailure } from './settle-delivery.ts';

export interface DispatchDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifiers: readonly Notifier[];
  readonly log: Logger;
  readonly metrics?: Metrics;
}

export interface DispatchReport {
  delivered: number;
  retried: number;
  undeliverable: number;
}

/**
 * A claim holds rows this long. Short, so that rows claimed by a process that died come back within
 * seconds; a row not yet tried when its lease is nearly over is renewed first (only if still ours).
 */
export const LEASE_MS = 5_000;
/** A row is attempted only with at least this much lease left: more than an attempt can take. */
const MIN_LEASE_LEFT_MS = ATTEMPT_DEADLINE_MS + 500;
/** Small claims: what one process holds, and could strand by dying, stays small. */
const CLAIM = 32;
/** Destinations served at once; each one's notices still go one after another, in order. */
const CONCURRENCY = 8;

function destinationKey(row: OutboxRow): string {
  return `${row.platform}\u0000${row.workspace_id}\u0000${row.destination}`;
}

/**
 * Delivers every due outbox row through the notifier of its platform, claim after claim until none
 * is due. At least once: a row is marked delivered only after its notifier succeeded, and never
 * sent again after that; failures are rescheduled with backoff (or the platform's retry-after), or
 * recorded as undeliverable, surviving restarts since the state is in the database.
 */
export async function dispatchNotifications(deps: DispatchDeps): Promise<DispatchReport> {
  const report: DispatchReport = { delivered: 0, retried: 0, undeliverable: 0 };
  const byPlatform = new Map(deps.notifiers.map((n) => [n.platform, n]));
  const platforms = [...byPlatform.keys()];
  const marks = createDeliveredMarks(deps.store, deps.clock);
  let marking: Promise<void>[] = [];

  /** Per destination, when the notice that failed this round was queued: later ones wait behind it. */
  const failedAt = new Map<string, number>();

  /** Earlier edits of a card that its last edit in the claim stands for (coalesce-cards.ts). */
  let covering: ReadonlyMap<string, readonly OutboxRow[]> = new Map();

  /** Covered edits share their last edit's fate: delivered with it, or dropped when its card is retired. */
  const settleCovered = async (row: OutboxRow, fate: 'delivered' | 'retired'): Promise<void> => {
    const covered = covering.get(row.id) ?? [];
    if (fate === 'delivered') {
      for (const done of covered) marking.push(marks.add(done.id));
      report.delivered += covered.length;
      return;
    }
    for (const dropped of covered) await markUndeliverable(deps.store.db, dropped.id, CARD_RETIRED);
    report.undeliverable += covered.length;
  };

  const deliverRow = async (row: OutboxRow): Promise<void> => {
    const notifier = byPlatform.get(row.platform);
    if (!notifier) return;
    const blockedSince = failedAt.get(destinationKey(row));
    if (blockedSince !== undefined && row.created_at > blockedSince) {
      await release(deps.store.db, row.id, deps.clock());
      return;
    }
    if (row.next_attempt_at - deps.clock() < MIN_LEASE_LEFT_MS) {
      const held = { id: row.id, attempts: row.attempts, leasedUntil: row.next_attempt_at };
      if (!(await renewLease(deps.store.db, held, deps.clock() + LEASE_MS))) return;
    }
    const notification = await withCardNow(deps.store, row, toOutbound(row));
    if (!notification) {
      await markUndeliverable(deps.store.db, row.id, CARD_RETIRED);
      report.undeliverable += 1;
      await settleCovered(row, 'retired');
      return;
    }
    const outcome = await attemptDelivery(notifier, withCoveredChanges(notification, covering.get(row.id) ?? []));
    deps.metrics?.deliveries.inc({ platform: row.platform, outcome: outcome.status, reason: reasonClass(outcome) });
    if (outcome.status === 'delivered') {
      await keepMessageRef(deps.store, row, notification, outcome.messageRef);
      // Not awaited: the next post to this destination need not wait for the write; the round does.
      marking.push(marks.add(row.id));
      report.delivered += 1;
      await settleCovered(row, 'delivered');
      return;
    }
    await settleFailure(deps, row, outcome, deps.clock());
    // A retried edit's covered rows keep their lease and come back with it; a refused one retired the card.
    if (outcome.status === 'undeliverable') await settleCovered(row, 'retired');
    if (outcome.status === 'retry' && !failedAt.has(destinationKey(row)))
      failedAt.set(destinationKey(row), row.created_at);
    if (outcome.status === 'retry') report.retried += 1;
    else report.undeliverable += 1;
  };

  const settleSafely = (row: OutboxRow) =>
    deliverRow(row).catch((error: unknown) => {
      // The row keeps its lease and comes back after it: at least once, never lost.
      deps.log.error({ err: error, notification: row.id }, 'could not record a delivery attempt');
    });

  for (;;) {
    const rows = await claimDue(deps.store.db, deps.store.dialect, {
      platforms,
      now: deps.clock(),
      leaseMs: LEASE_MS,
      limit: CLAIM,
    });
    const claim = coalesceCardEdits(rows);
    covering = claim.covered;
    await forEachByDestination(claim.send, destinationKey, CONCURRENCY, settleSafely);
    const written = await Promise.allSettled(marking);
    marking = [];
    // Those rows keep their lease and come back after it: delivered again rather than lost.
    for (const failed of written.filter((w) => w.status === 'rejected'))
      deps.log.error({ err: failed.reason }, 'could not mark notifications delivered');
    if (rows.length < CLAIM) return report;
  }
}
