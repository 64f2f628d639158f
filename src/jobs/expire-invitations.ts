import { sql } from 'kysely';
import { expireDueInvitations, inJobTransaction } from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import type { Store } from '../store/connect.ts';

/** Invitations per transaction: large enough that statements per expiry stay far below one. */
const BATCH = 1_000;

/**
 * Marks every pending invitation past its time as expired and queues its notifications, a batch per
 * transaction in a few set-based statements read through the partial index on due rows, so its cost
 * follows the due rows, not the stored ones. With several processes each expiry is handled once
 * (PostgreSQL rows are locked and skipped by the others, and the state change is conditional).
 * Returns how many it expired.
 */
export async function expireInvitations(store: Store, now: number): Promise<number> {
  let expired = 0;
  for (;;) {
    const done = await inJobTransaction(store, (trx) =>
      expireDueInvitations(trx, PLATFORM_FACTS, { now, limit: BATCH, skipLocked: store.dialect === 'postgres' }),
    );
    expired += done;
    if (done < BATCH) break;
  }
  await checkpoint(store);
  return expired;
}

/**
 * SQLite: copies the write-ahead log back into the database without waiting for readers or writers
 * (PASSIVE), off the commit path: the automatic checkpoint is set high (see connect.ts) so that
 * commits rarely pay for one.
 */
async function checkpoint(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') await sql`pragma wal_checkpoint(PASSIVE)`.execute(store.db);
}
