import type { Clock } from '../../core/index.ts';

export interface FailureLimit {
  /** Failed look-ups (unknown codes) an address may make in a window before it is refused. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const GUESS_LIMIT: FailureLimit = { maxFailures: 10, windowMs: 15 * 60_000 };

/** Addresses remembered at most; past it, finished windows are forgotten first. */
const MAX_TRACKED = 10_000;

/**
 * Counts failed code look-ups per client address in a fixed window. A code has 160 bits, so the
 * limit does not make guessing feasible or not; it keeps a scanner from costing a hash and a
 * query per try, and makes one visible. In memory: each process counts its own.
 */
export function createFailureLimiter(limit: FailureLimit, clock: Clock) {
  const windows = new Map<string, { start: number; failures: number }>();

  const current = (address: string) => {
    const now = clock();
    const entry = windows.get(address);
    if (entry && now - entry.start < limit.windowMs) return entry;
    if (windows.size >= MAX_TRACKED) {
      for (const [key, value] of windows) if (now - value.start >= limit.windowMs) windows.delete(key);
      if (windows.size >= MAX_TRACKED) windows.clear();
    }
    const fresh = { start: now, failures: 0 };
    windows.set(address, fresh);
    return fresh;
  };

  return {
    /** Seconds until the address may try again, or undefined when it may try now. */
    retryAfterSeconds(address: string): number | undefined {
      const entry = current(address);
      if (entry.failures < limit.maxFailures) return undefined;
      return Math.max(1, Math.ceil((entry.start + limit.windowMs - clock()) / 1000));
    },
    fail(address: string): void {
      current(address).failures += 1;
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
