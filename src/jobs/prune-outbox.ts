import type { Store } from '../store/connect.ts';
import { pruneDelivered } from '../store/repositories/outbox.repo.ts';

const BATCH = 1_000;

/**
 * Deletes delivered notifications older than the retention, in batches so one sweep never holds a
 * long write lock; pending and undeliverable rows stay (the activity records what happened).
 * Returns how many it deleted.
 */
export async function pruneOutbox(store: Store, now: number, retentionMs: number): Promise<number> {
  let pruned = 0;
  for (;;) {
    const deleted = await pruneDelivered(store.db, now - retentionMs, BATCH);
    pruned += deleted;
    if (deleted < BATCH) return pruned;
  }
}
