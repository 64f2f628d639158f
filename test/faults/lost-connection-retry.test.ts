import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../src/core/result.ts';
import { inTransaction } from '../../src/core/transaction.ts';
import type { Store } from '../../src/store/connect.ts';
import { isLostConnection } from '../../src/store/lost-connection.ts';
import { openSibling } from '../support/core-pg.ts';
import { availableDialects, openTestStore } from '../support/stores.ts';

const dialects = await availableDialects();

/** Ends the backend serving `trx` from another session, as a failover or an operator would. */
async function terminate(admin: Store, pid: number): Promise<void> {
  await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
}

describe.runIf(dialects.includes('postgres'))('a connection lost before COMMIT', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('runs the transaction again on a fresh connection: one answer, one write, nothing lost', async () => {
    const store = await openTestStore('postgres');
    const admin = await openSibling(store, 1);
    opened.push(admin, store);
    let attempts = 0;
    const result = await inTransaction(store, async (trx) => {
      attempts += 1;
      await trx
        .insertInto('organizations')
        .values({ id: `retry-${attempts}`, name: 'Retry', member_limit: 100, created_at: 0, version: 0 })
        .execute();
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const pid = rows[0]?.pid;
      // The first attempt loses its session after writing and before COMMIT.
      if (attempts === 1 && pid !== undefined) {
        await terminate(admin, pid);
        await sql`select 1`.execute(trx);
      }
      return ok(attempts);
    });

    expect(result).toEqual({ ok: true, value: 2 });
    const names = await store.db.selectFrom('organizations').select('id').execute();
    // The first attempt's insert died with its session: exactly the second one is there.
    expect(names.map((row) => row.id)).toEqual(['retry-2']);
    console.info(`lost connection before COMMIT: attempts ${attempts}, rows written ${names.length}, lost 0`);
  });

  it('gives up after three lost connections and says so with the database error', async () => {
    const store = await openTestStore('postgres');
    const admin = await openSibling(store, 1);
    opened.push(admin, store);
    let attempts = 0;
    const failure = await inTransaction(store, async (trx) => {
      attempts += 1;
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const pid = rows[0]?.pid;
      if (pid !== undefined) await terminate(admin, pid);
      await sql`select 1`.execute(trx);
      return ok(attempts);
    }).catch((error: unknown) => error);

    expect(isLostConnection(failure)).toBe(true);
    expect(attempts).toBe(3);
  });
});

describe('what counts as a lost connection', () => {
  it('knows PostgreSQL session ends and broken sockets, and nothing a query itself did wrong', () => {
    expect(isLostConnection({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(
      true,
    );
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isLostConnection({ code: 'ECONNRESET' })).toBe(true);
    expect(isLostConnection({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isLostConnection({ code: 'SQLITE_BUSY', message: 'database is locked' })).toBe(false);
    expect(isLostConnection('Connection terminated')).toBe(false);
  });
});
