import { endMembership, inJobTransaction, sendEndingNotice } from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import type { Store } from '../store/connect.ts';
import { membershipsDue } from '../store/repositories/membership-terms.repo.ts';

const BATCH = 500;

/**
 * Removes time-limited members whose end has come, each in its own transaction under its
 * organization's lock (as a remove is), then sends the ending notices now due. Only due rows are
 * read (partial indexes); each end and notice is claimed conditionally, so with several processes
 * each is handled once. Returns how many memberships ended and how many notices went out.
 */
export async function endMemberships(store: Store, now: number): Promise<{ ended: number; noticed: number }> {
  let ended = 0;
  for (;;) {
    const due = await membershipsDue(store.db, { column: 'ends_at', now, limit: BATCH });
    for (const membership of due) {
      const done = await inJobTransaction(store, (trx) => endMembership(trx, membership, PLATFORM_FACTS, now));
      if (done) ended += 1;
    }
    if (due.length < BATCH) break;
  }
  let noticed = 0;
  for (;;) {
    const due = await membershipsDue(store.db, { column: 'notice_at', now, limit: BATCH });
    const done = await inJobTransaction(store, async (trx) => {
      let count = 0;
      for (const membership of due) if (await sendEndingNotice(trx, membership, PLATFORM_FACTS, now)) count += 1;
      return count;
    });
    noticed += done;
    if (due.length < BATCH) break;
  }
  return { ended, noticed };
}
