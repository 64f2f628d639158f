import { sql } from 'kysely';
import type { Store } from '../store/connect.ts';

export interface HealthReport {
  readonly ready: boolean;
  /** What keeps the process from serving, one short phrase each (`slack: not started`). */
  readonly missing: readonly string[];
}

export interface Readiness {
  /** A configured component (an adapter) that must start before the process is ready. */
  expect(name: string): void;
  started(name: string): void;
  /** Stopping: probes fail again, so a load balancer drains this process first. */
  stopped(name: string): void;
  check(): Promise<HealthReport>;
}

/** How long /healthz waits for the database: a probe that hangs is itself the answer. */
export const DATABASE_PROBE_TIMEOUT_MS = 1_000;

/** The cheapest statement that proves a connection answers (and, on PostgreSQL, that the pool has one). */
export function probeStore(store: Store): () => Promise<void> {
  return async () => {
    await sql`select 1`.execute(store.db);
  };
}

function withinTimeout(probe: () => Promise<void>, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
    timer.unref();
  });
  const answer = probe().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0],
  );
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready means: the database answers now, and every configured adapter has started (Slack's
 * auth.test passed, Discord's gateway said ready). Checked on each probe, so a database that goes
 * away turns the probe red without anything having to notice it first.
 */
export function createReadiness(probeDatabase: () => Promise<void>, timeoutMs = DATABASE_PROBE_TIMEOUT_MS): Readiness {
  const components = new Map<string, boolean>();
  return {
    expect: (name) => void components.set(name, false),
    started: (name) => void components.set(name, true),
    stopped: (name) => {
      if (components.has(name)) components.set(name, false);
    },
    check: async () => {
      const databaseProblem = await withinTimeout(probeDatabase, timeoutMs);
      const missing = [
        ...(databaseProblem === undefined ? [] : [`database: ${databaseProblem}`]),
        ...[...components].filter(([, up]) => !up).map(([name]) => `${name}: not started`),
      ];
      return { ready: missing.length === 0, missing };
    },
  };
}
