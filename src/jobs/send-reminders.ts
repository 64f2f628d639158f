import { sendReminder } from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import type { Store } from '../store/connect.ts';
import { lockRemindersDue } from '../store/repositories/reminders.repo.ts';

const BATCH = 500;

/**
 * Sends every due expiry reminder. Reads only due rows through the partial index on `remind_at`;
 * with several processes each reminder is sent once (rows are locked and skipped by the others,
 * and the claim is conditional on the due time seen). Returns how many it sent.
 */
export async function sendReminders(store: Store, now: number): Promise<number> {
  let sent = 0;
  for (;;) {
    const { claimed, done } = await store.db.transaction().execute(async (trx) => {
      const due = await lockRemindersDue(trx, { now, limit: BATCH, skipLocked: store.dialect === 'postgres' });
      let count = 0;
      for (const invitation of due) {
        if (await sendReminder(trx, invitation, PLATFORM_FACTS, now)) count += 1;
      }
      return { claimed: due.length, done: count };
    });
    sent += done;
    if (claimed < BATCH) return sent;
  }
}
