import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DialectName, migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Set by CI: PostgreSQL tests must run, and fail loudly when the database is unreachable. */
const PG_REQUIRED = process.env.ROLLCALL_REQUIRE_PG === '1';

let pgReachable: Promise<boolean> | undefined;

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (PG_REQUIRED)
      throw new Error(`PostgreSQL is required (ROLLCALL_REQUIRE_PG=1) but unreachable at ${PG_URL}: ${String(error)}`);
    console.warn(
      `Skipping PostgreSQL tests: ${PG_URL} is unreachable (${String(error)}); set ROLLCALL_REQUIRE_PG=1 to fail instead.`,
    );
    return false;
  }
}

/** The dialects to run a suite over: SQLite always, PostgreSQL when reachable or required. */
export async function availableDialects(): Promise<DialectName[]> {
  pgReachable ??= probePostgres();
  return (await pgReachable) ? ['sqlite', 'postgres'] : ['sqlite'];
}

let counter = 0;

/** A fresh, migrated store: a new SQLite file, or a new PostgreSQL schema. */
export async function openTestStore(dialect: DialectName, options: { poolSize?: number } = {}): Promise<Store> {
  counter += 1;
  const store =
    dialect === 'sqlite'
      ? await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-')), 'test.db')}`)
      : await openStore(PG_URL, {
          pgSchema: `t_${process.pid}_${Date.now().toString(36)}_${counter}`,
          ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
        });
  await migrateToLatest(store);
  return store;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 10, 23, 12, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  });
}
