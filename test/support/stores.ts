import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DialectName, migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { newRunId } from './pg-schemas.ts';

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

/**
 * This worker's PostgreSQL schema: made and migrated once, emptied before each test that asks for a
 * fresh store, dropped by the run's global teardown (test/support/global-setup.ts).
 */
const WORKER_SCHEMA = `t_${process.env.ROLLCALL_TEST_RUN ?? newRunId(Date.now())}_${process.pid}`;
let migrated: Promise<unknown> | undefined;
/** The fresh store handed out last; a second one in the same test would empty the first's tables. */
let current: Store | undefined;

/**
 * Every table the migrations made, read from the catalog so a new migration's table is emptied
 * without a list to keep; the migrator's own tables are kept.
 */
async function tablesOf(store: Store): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = ${WORKER_SCHEMA} and tablename not like 'kysely_%'`.execute(store.db);
  return rows.map((row) => row.name);
}

/**
 * Kysely's migrator lists the tables of every schema on the server; another checkout's test run
 * dropping its own schema during that query fails it with `schema "…" does not exist`. Only a
 * foreign schema can vanish like that, so trying again is safe.
 */
async function migrateRetryingForeignDrops(store: Store, attempts = 5): Promise<unknown> {
  try {
    return await migrateToLatest(store);
  } catch (error) {
    const foreign = /schema "([^"]+)" does not exist/.exec(String(error))?.[1];
    if (attempts <= 1 || foreign === undefined || foreign === WORKER_SCHEMA) throw error;
    return migrateRetryingForeignDrops(store, attempts - 1);
  }
}

async function freshPostgresStore(poolSize: number | undefined): Promise<Store> {
  if (current !== undefined) throw new Error('A test opens one fresh PostgreSQL store; share it (openSibling).');
  const store = await openStore(PG_URL, { pgSchema: WORKER_SCHEMA, ...(poolSize === undefined ? {} : { poolSize }) });
  migrated ??= migrateRetryingForeignDrops(store);
  await migrated;
  const tables = await tablesOf(store);
  await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} restart identity cascade`.execute(store.db);
  current = store;
  return {
    ...store,
    close: async () => {
      if (current === store) current = undefined;
      await store.close();
    },
  };
}

/** A fresh, migrated store: a new SQLite file, or this worker's PostgreSQL schema emptied. */
export async function openTestStore(dialect: DialectName, options: { poolSize?: number } = {}): Promise<Store> {
  if (dialect === 'postgres') return freshPostgresStore(options.poolSize);
  const store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-')), 'test.db')}`);
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
