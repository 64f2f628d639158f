import type { Logger } from '../log.ts';
import { nextDueAt } from '../store/repositories/outbox.repo.ts';
import { type DispatchDeps, dispatchNotifications } from './dispatch-notifications.ts';

export interface DeliveryLoop {
  /** Deliver soon: runs now, or once more after the run in progress. Never waits, never throws. */
  kick(): void;
  /** Runs one dispatch now (after any in progress) and waits for it. */
  flush(): Promise<void>;
  /** No more runs or wake-ups; waits for the run in progress. */
  stop(): Promise<void>;
}

/** Retries, and leases left by a process that died, are picked up by a timer at least this often. */
const MAX_IDLE_MS = 30_000;
const MIN_WAIT_MS = 50;

/**
 * Delivers notifications right after the commands that queued them (the core's post-commit hook
 * kicks it), drains while rows are due, then sleeps until the next row falls due: a retry's backoff,
 * a Retry-After, or the lease of rows a dead process had claimed.
 */
export function createDeliveryLoop(deps: DispatchDeps & { log: Logger }): DeliveryLoop {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let wake: NodeJS.Timeout | undefined;

  const sleepUntilDue = async () => {
    const platforms = deps.notifiers.map((n) => n.platform);
    const due = await nextDueAt(deps.store.db, platforms);
    const waitMs = due === undefined ? MAX_IDLE_MS : Math.min(MAX_IDLE_MS, Math.max(MIN_WAIT_MS, due - deps.clock()));
    if (stopped) return;
    clearTimeout(wake);
    wake = setTimeout(() => start(), waitMs);
    wake.unref();
  };

  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await dispatchNotifications(deps);
        await sleepUntilDue();
      } catch (error) {
        deps.log.error({ err: error }, 'notification dispatch failed; retrying shortly');
        if (!stopped) {
          clearTimeout(wake);
          wake = setTimeout(() => start(), MAX_IDLE_MS / 10);
          wake.unref();
        }
      }
    } while (again && !stopped);
  };

  const start = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    kick: () => void start(),
    flush: async () => {
      await start();
      if (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(wake);
      if (running) await running;
    },
  };
}
