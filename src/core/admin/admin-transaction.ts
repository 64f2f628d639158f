import type { Executor } from '../../store/repositories/executor.ts';
import type { CoreDeps } from '../deps.ts';
import { ok } from '../result.ts';
import { inTransaction } from '../transaction.ts';
import { type AdminError, type AdminResult, refuse } from './admin-api.ts';

/** Carries an admin refusal out of the shared transaction runner, so that it rolls back. */
class AdminRefusal extends Error {
  constructor(readonly error: AdminError) {
    super(error.code);
  }
}

/** inTransaction for admin use cases: a refusal rolls back every write, as a chat refusal does. */
export async function adminTransaction<T>(
  deps: CoreDeps,
  work: (trx: Executor) => Promise<AdminResult<T>>,
): Promise<AdminResult<T>> {
  try {
    const done = await inTransaction(deps.store, async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new AdminRefusal(result.error);
      return ok(result.value);
    });
    // The work above never returns a chat refusal: every refusal left as an AdminRefusal.
    if (!done.ok) throw new Error(`unexpected refusal ${done.error.code}`);
    return done;
  } catch (error) {
    if (error instanceof AdminRefusal) return refuse(error.error);
    throw error;
  }
}
