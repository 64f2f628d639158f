import type { Clock } from '../core/index.ts';
import type { Store } from '../store/connect.ts';
import { markDelivered } from '../store/repositories/outbox.repo.ts';

/**
 * Marks delivered rows with one statement for all that finished while the previous statement ran
 * (a group commit): concurrent deliveries cost one write between them, and a row waits at most one
 * commit, so a crash can repeat only the posts whose mark was in flight.
 */
export function createDeliveredMarks(store: Store, clock: Clock) {
  let waiting: string[] = [];
  let writing: Promise<void> | undefined;

  const writeAll = async (): Promise<void> => {
    while (waiting.length > 0) {
      const ids = waiting;
      waiting = [];
      await markDelivered(store.db, ids, clock());
    }
  };

  const start = (): Promise<void> => {
    writing ??= writeAll().finally(() => {
      writing = undefined;
    });
    return writing;
  };

  return {
    /** Resolves once the row's mark is committed. */
    async add(id: string): Promise<void> {
      waiting.push(id);
      // A mark added while a statement runs goes into the next one of the same loop.
      while (waiting.includes(id)) await start();
    },
  };
}
