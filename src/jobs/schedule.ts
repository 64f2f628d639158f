import cron from 'node-cron';
import type { Clock } from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/connect.ts';
import type { DeliveryLoop } from './delivery-loop.ts';
import { endMemberships } from './end-memberships.ts';
import { expireInvitations } from './expire-invitations.ts';
import { lapseRequests } from './lapse-requests.ts';
import { pruneOutbox } from './prune-outbox.ts';
import { sendReminders } from './send-reminders.ts';

export interface SweepDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: DeliveryLoop;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Delivered notifications older than this are deleted (OUTBOX_RETENTION). */
  readonly outboxRetentionMs: number;
}

/**
 * One run of the scheduled work: expire due invitations, remind inviters, end time-limited
 * memberships and lapse week-old requests (SPEC §12), prune old delivered notifications, and kick delivery without waiting for
 * it, so a platform that hangs cannot stop invitations expiring.
 */
export async function sweep(deps: SweepDeps): Promise<number> {
  try {
    const now = deps.clock();
    const expired = await expireInvitations(deps.store, now);
    const reminded = await sendReminders(deps.store, now);
    const { ended, noticed } = await endMemberships(deps.store, now);
    const lapsed = await lapseRequests(deps.store, now);
    if (reminded + ended + noticed + lapsed > 0)
      deps.log.info({ reminded, ended, noticed, lapsed }, 'scheduled work done');
    deps.metrics.expired.inc(expired);
    const pruned = await pruneOutbox(deps.store, now, deps.outboxRetentionMs);
    deps.metrics.outboxPruned.inc(pruned);
    deps.delivery.kick();
    deps.metrics.sweeps.inc({ outcome: 'ok' });
    if (expired > 0 || pruned > 0) deps.log.info({ expired, pruned }, 'sweep done');
    return expired;
  } catch (error) {
    deps.metrics.sweeps.inc({ outcome: 'error' });
    deps.log.error({ err: error }, 'sweep failed; the next tick retries');
    return 0;
  }
}

/** Schedules the sweep on EXPIRY_CRON; runs never overlap within a process. */
export function scheduleSweep(expression: string, deps: SweepDeps): { stop(): void } {
  const task = cron.schedule(expression, () => sweep(deps), { noOverlap: true, name: 'rollcall-sweep' });
  return { stop: () => void task.stop() };
}
