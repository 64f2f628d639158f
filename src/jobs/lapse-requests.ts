import { inJobTransaction, lapseDueRequests } from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import type { Store } from '../store/connect.ts';

const BATCH = 500;

/**
 * Lapses open requests past their 7 days (SPEC §12), a batch per transaction; each lapse is
 * claimed by a conditional UPDATE, and PostgreSQL sweepers skip rows another holds, so with several
 * processes each is handled once. Returns how many lapsed.
 */
export async function lapseRequests(store: Store, now: number): Promise<number> {
  let lapsed = 0;
  for (;;) {
    const done = await inJobTransaction(store, (trx) =>
      lapseDueRequests(trx, PLATFORM_FACTS, { now, limit: BATCH, skipLocked: store.dialect === 'postgres' }),
    );
    lapsed += done;
    if (done < BATCH) return lapsed;
  }
}
