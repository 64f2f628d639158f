import type { Config } from '../config.ts';
import { migrateToLatest, openStore, type Store } from '../store/connect.ts';

/**
 * Opens DATABASE_URL, brought to the latest schema (idempotent, and locked by Kysely's migrator
 * when several processes start at once), runs `work` and always closes the store.
 */
export async function withStore<T>(
  config: Config,
  work: (store: Store) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const store = await openStore(config.databaseUrl, { synchronous: config.sqliteSynchronous });
  try {
    if (options.migrate) await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}
