import type { Caller } from '../../src/core/index.ts';
import { migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { manualClock } from '../support/stores.ts';

/** The console caller for an email: how a person reaches an organization bound to `console local`. */
export function onConsole(email: string): Caller {
  return { platform: 'console', workspaceId: 'local', userId: email, verifiedEmail: email };
}

/** The real core on the database file the CLI works on, to build state the way users would. */
export async function coreOn(databaseUrl: string, clock = manualClock(Date.now())) {
  const store: Store = await openStore(databaseUrl);
  await migrateToLatest(store);
  const core = buildCore(store, clock);
  return { store, core, clock };
}
