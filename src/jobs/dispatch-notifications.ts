import type {
  Clock,
  DeliveryOutcome,
  Destination,
  NotificationEvent,
  Notifier,
  OutboundNotification,
} from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/connect.ts';
import { recordActivity } from '../store/repositories/activity.repo.ts';
import {
  claimDue,
  markDelivered,
  markUndeliverable,
  type OutboxRow,
  reschedule,
} from '../store/repositories/outbox.repo.ts';
import { backoffMs } from './backoff.ts';

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

/** A claim lasts this long: a process that dies mid-delivery gives its rows back after it. */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;
const MAX_BATCHES = 20;

function toOutbound(row: OutboxRow): OutboundNotification {
  return {
    id: row.id,
    orgId: row.org_id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    destination: JSON.parse(row.destination) as Destination,
    event: JSON.parse(row.event) as NotificationEvent,
    ...(row.secret === null ? {} : { secret: row.secret }),
    attempt: row.attempts,
  };
}

async function attempt(notifier: Notifier, notification: OutboundNotification): Promise<DeliveryOutcome> {
  try {
    return await notifier.deliver(notification);
  } catch (error) {
    return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function settle(
  deps: DispatchDeps,
  row: OutboxRow,
  event: NotificationEvent,
  outcome: DeliveryOutcome,
  report: DispatchReport,
) {
  const now = deps.clock();
  deps.metrics?.deliveries.inc({ platform: row.platform, outcome: outcome.status });
  if (outcome.status === 'delivered') {
    await markDelivered(deps.store.db, row.id, now);
    report.delivered += 1;
  } else if (outcome.status === 'retry') {
    await reschedule(deps.store.db, row.id, now + (outcome.retryAfterMs ?? backoffMs(row.attempts)), outcome.reason);
    deps.log.warn(
      { notification: row.id, attempt: row.attempts, reason: outcome.reason },
      'notification will be retried',
    );
    report.retried += 1;
  } else {
    await deps.store.db.transaction().execute(async (trx) => {
      await markUndeliverable(trx, row.id, outcome.reason);
      await recordActivity(trx, {
        orgId: row.org_id,
        at: now,
        actor: 'system',
        action: 'notification_undeliverable',
        subject: 'email' in event ? event.email : null,
        details: { platform: row.platform, kind: event.kind, reason: outcome.reason },
      });
    });
    report.undeliverable += 1;
  }
}

/**
 * Delivers due outbox rows through the notifier of their platform. At least once: a row is marked
 * delivered only after its notifier succeeded, and never sent again after that; failures are
 * rescheduled with backoff (or the platform's retry-after), surviving restarts since the state is in the database.
 */
export async function dispatchNotifications(deps: DispatchDeps): Promise<DispatchReport> {
  const report: DispatchReport = { delivered: 0, retried: 0, undeliverable: 0 };
  const byPlatform = new Map(deps.notifiers.map((n) => [n.platform, n]));
  const platforms = [...byPlatform.keys()];
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const rows = await claimDue(deps.store.db, deps.store.dialect, {
      platforms,
      now: deps.clock(),
      leaseMs: LEASE_MS,
      limit: BATCH,
    });
    for (const row of rows) {
      const notifier = byPlatform.get(row.platform);
      if (!notifier) continue;
      const notification = toOutbound(row);
      await settle(deps, row, notification.event, await attempt(notifier, notification), report);
    }
    if (rows.length < BATCH) break;
  }
  return report;
}
