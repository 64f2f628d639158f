import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import type { Pool } from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** PostgreSQL schema the store lives in, when not the default. */
  readonly pgSchema?: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL: the schema to use (created if missing); tests isolate themselves with one each. */
  readonly pgSchema?: string;
  readonly poolSize?: number;
  /**
   * Told about connections that failed outside a query (a terminated backend, a failover, an
   * idle-closing proxy). Without a listener such an error would end the process; with one the pool
   * drops that connection and the next query opens a fresh one.
   */
  readonly onConnectionError?: (error: Error) => void;
  /** SQLite: how long a write waits for another writer before failing with SQLITE_BUSY (5 s). */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite: NORMAL (the default) syncs the write-ahead log at checkpoints only, so a power loss can
   * undo the last commits but never corrupts; FULL syncs on every commit (SQLITE_SYNCHRONOUS).
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

const INT8_OID = 20;

/** Opens `sqlite:<path>` (WAL, busy timeout, directory created) or a `postgres://` URL. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options);
  return openPostgres(url, options);
}

function openSqlite(path: string, options: OpenStoreOptions): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  configureSqlite(database, options);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** The connection settings of every SQLite store (the benchmark's raw floor opens its file with them too). */
export function configureSqlite(database: SQLite.Database, options: OpenStoreOptions = {}): void {
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000))}`);
  // In WAL mode NORMAL survives a crash of the process; a power loss can take the last commits back.
  // The value is one of two literals (checked by the config), never text from outside.
  database.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // The commit that crosses the automatic checkpoint pays for copying the log and its fsyncs: crossing
  // it every 1,000 pages (the default) stalled one write in ~30. At 10,000 pages (~40 MiB of log) it
  // is rare; the sweep checkpoints passively between (jobs/expire-invitations.ts).
  database.pragma('wal_autocheckpoint = 10000');
  // Once checkpointed, the log is cut back to this size rather than keeping its high-water mark.
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  database.pragma('foreign_keys = ON');
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; compiling SQL is most of a small query's cost on SQLite, and the
 * core issues the same few dozen statements over and over. Queries run one at a time on this
 * connection (Kysely's driver holds a mutex), so reusing a prepared statement is safe.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = database.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

async function openPostgres(url: string, options: OpenStoreOptions): Promise<Store> {
  // Loaded only for a PostgreSQL URL: importing pg costs a SQLite start-up ~110 ms for nothing.
  const { default: pg } = await import('pg');
  const schema = options.pgSchema;
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema.replaceAll('"', '')}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Times are bigint milliseconds: read them back as numbers (they fit in 2^53).
    types: { getTypeParser: (oid, format) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    ...(schema === undefined ? {} : { options: `-c search_path="${schema.replaceAll('"', '')}"` }),
  });
  survivingConnectionErrors(pool, options.onConnectionError ?? (() => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', ...(schema === undefined ? {} : { pgSchema: schema }), close: () => db.destroy() };
}

/**
 * pg emits `error` on an idle pooled connection (through the pool) and on a checked-out one (on the
 * client itself) when its backend goes away; an EventEmitter `error` without a listener ends the
 * process. A query running on that connection still rejects, reaching the adapter's boundary; the
 * pool discards the broken client on release, so the next command gets a fresh connection.
 */
function survivingConnectionErrors(pool: Pool, onError: (error: Error) => void): void {
  pool.on('error', (error) => onError(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => onError(error));
  });
}

/** Brings the schema to the newest migration; returns the names applied now. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one: name ours.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    ...(store.pgSchema === undefined ? {} : { migrationTableSchema: store.pgSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
