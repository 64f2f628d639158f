import { dropTestSchemas, newRunId } from './pg-schemas.ts';
import { PG_URL } from './stores.ts';

/**
 * One id per test run, inherited by every worker: each worker's PostgreSQL schema is
 * `t_<run>_<pid>`, unique per worker and per run, so runs from other checkouts never collide.
 * At the end the run's schemas are dropped, with any left over from runs over an hour old.
 */
export default function setup(): () => Promise<void> {
  const run = newRunId(Date.now());
  process.env.ROLLCALL_TEST_RUN = run;
  return async () => {
    try {
      await dropTestSchemas(PG_URL, run, Date.now());
    } catch (error) {
      // No PostgreSQL here: the suite ran on SQLite only and left no schema.
      if (process.env.ROLLCALL_REQUIRE_PG === '1') throw error;
    }
  };
}
