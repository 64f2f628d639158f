import { expireInvitation } from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import type { Store } from '../store/connect.ts';
import { lockDue } from '../store/repositories/invitations.repo.ts';

const BATCH = 500;

/**
 * Marks every pending invitation past its time as expired and queues its notifications.
 * Works in batches read through the partial index on due rows, so its cost follows the due rows,
 * not the stored ones; with several processes each expiry is handled once (rows are locked and
 * skipped by the others, and the state change is conditional). Returns how many it expired.
 */
export async function expireInvitations(store: Store, now: number): Promise<number> {
  let expired = 0;
  for (;;) {
    const { claimed, done } = await store.db.transaction().execute(async (trx) => {
      const due = await lockDue(trx, { now, limit: BATCH, skipLocked: store.dialect === 'postgres' });
      let count = 0;
      for (const invitation of due) {
        if (await expireInvitation(trx, invitation, PLATFORM_FACTS, now)) count += 1;
      }
      return { claimed: due.length, done: count };
    });
    expired += done;
    if (claimed < BATCH) return expired;
  }
}
