import type { Store } from '../store/connect.ts';
import type { Executor } from '../store/repositories/executor.ts';
import type { Err, Result } from './result.ts';

/** Carries a refusal out of a transaction so that Kysely rolls everything back. */
class Refusal extends Error {
  constructor(readonly failure: Err) {
    super(failure.error.code);
  }
}

/** Runs `work` in one transaction: a failure result rolls back every write, so a refusal changes nothing. */
export async function inTransaction<T>(store: Store, work: (trx: Executor) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await store.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new Refusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}
