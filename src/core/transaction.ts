import type { Store } from '../store/connect.ts';
import { isLostConnection } from '../store/lost-connection.ts';
import { recordedActivity } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { queuedNotifications } from '../store/repositories/outbox.repo.ts';
import type { CoreDeps, OrgChange } from './deps.ts';
import type { Err, Result } from './result.ts';

/** Carries a refusal out of a transaction so that Kysely rolls everything back. */
class Refusal extends Error {
  constructor(readonly failure: Err) {
    super(failure.error.code);
  }
}

const afterCommitHooks = new WeakMap<Store, Set<(change: OrgChange) => void>>();

/**
 * Makes `deps.afterCommit` run after every transaction of this store that changed an organization,
 * whichever use case ran it, so a new write cannot forget to start delivery or refresh open Homes.
 */
export function bindAfterCommit(deps: CoreDeps): void {
  const hook = deps.afterCommit;
  if (!hook) return;
  const hooks = afterCommitHooks.get(deps.store) ?? new Set();
  hooks.add(hook);
  afterCommitHooks.set(deps.store, hooks);
}

function committed(store: Store, trx: Executor): void {
  // A change records activity; a notice without one (none today) still counts, so delivery starts.
  const orgIds = [...new Set([...recordedActivity(trx), ...queuedNotifications(trx)])];
  if (orgIds.length === 0) return;
  for (const hook of afterCommitHooks.get(store) ?? []) hook({ orgIds });
}

/**
 * How many times a transaction is tried when its connection dies before it commits: a failover or a
 * terminated backend costs a retry on a fresh connection, not the user's command.
 */
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction: a failure result rolls back every write, so a refusal changes nothing.
 * A connection lost before COMMIT was sent leaves nothing written, so the work runs again on another
 * connection; one lost during COMMIT may have committed, so that error goes to the caller (a
 * reference id) rather than risk applying the change twice.
 */
export async function inTransaction<T>(store: Store, work: (trx: Executor) => Promise<Result<T>>): Promise<Result<T>> {
  for (let attempt = 1; ; attempt += 1) {
    let used: Executor | undefined;
    let committing = false;
    try {
      const result = await store.db.transaction().execute(async (trx) => {
        used = trx;
        const outcome = await work(trx);
        if (!outcome.ok) throw new Refusal(outcome);
        committing = true;
        return outcome;
      });
      if (used) committed(store, used);
      return result;
    } catch (error) {
      if (error instanceof Refusal) return error.failure;
      if (!committing && attempt < ATTEMPTS && isLostConnection(error)) continue;
      throw error;
    }
  }
}

/**
 * A scheduled job's transaction (the sweep: expiries, ended memberships, lapsed requests): the same
 * after-commit hook as a command's, so delivery starts and open Slack Homes are republished when the
 * sweep changes an organization, not only when a person does. No retry: the next tick runs again.
 */
export async function inJobTransaction<T>(store: Store, work: (trx: Executor) => Promise<T>): Promise<T> {
  let used: Executor | undefined;
  const result = await store.db.transaction().execute((trx) => {
    used = trx;
    return work(trx);
  });
  if (used) committed(store, used);
  return result;
}
