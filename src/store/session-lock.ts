import type { Client } from 'pg';

/**
 * A PostgreSQL advisory lock on a connection of its own. A session lock belongs to the connection
 * that took it, so this connection is never pooled: PostgreSQL frees the lock when the session ends
 * (the process died, the backend was terminated, the network went), and `lost` says so here.
 */
export interface SessionLock {
  /** True when this session holds the lock now (at once, never waiting for it). */
  tryAcquire(): Promise<boolean>;
  /** Rejects when the session is gone: a connection that died silently shows up on the next ping. */
  ping(): Promise<void>;
  /** Resolves with the reason once the connection has ended: by an error, by the server, or by close(). */
  readonly lost: Promise<Error>;
  /** Ends the session, which releases the lock at once. */
  close(): Promise<void>;
}

export interface SessionLockOptions {
  /** The lock's name; different names never block each other. Scoped to the database and schema. */
  readonly name: string;
  readonly pgSchema?: string | undefined;
  /** A connection attempt (and each statement) that takes longer fails, so a hung server is a lost lock. */
  readonly timeoutMs?: number;
}

/** Opens the lock's own connection to `url` (a `postgres://` URL). */
export async function openSessionLock(url: string, options: SessionLockOptions): Promise<SessionLock> {
  const { default: pg } = await import('pg');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const client: Client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    keepAlive: true,
    ...(options.pgSchema === undefined ? {} : { options: `-c search_path="${options.pgSchema.replaceAll('"', '')}"` }),
  });
  let closing = false;
  const lost = new Promise<Error>((resolve) => {
    client.on('error', (error) => resolve(error));
    client.on('end', () => resolve(new Error(closing ? 'lock released' : 'the lock connection ended')));
  });
  await client.connect();
  return {
    // The key is a hash of the name and the schema, so two deployments in one database keep apart.
    tryAcquire: async () => {
      const { rows } = await client.query<{ held: boolean }>(
        "select pg_try_advisory_lock(hashtextextended($1 || ':' || coalesce(current_schema(), ''), 0)) as held",
        [options.name],
      );
      return rows[0]?.held === true;
    },
    ping: async () => {
      await client.query('select 1');
    },
    lost,
    close: async () => {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}
