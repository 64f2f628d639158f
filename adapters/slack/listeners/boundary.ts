import { type Logger, logUnexpected } from '../../../src/log.ts';
import type { Metrics } from '../../../src/metrics.ts';
import { unexpectedMessage } from '../messages.ts';

/**
 * The adapter's one boundary catch: anything unexpected is logged with a reference id and the user
 * sees that id, never a stack trace.
 */
export async function guarded(
  deps: { log: Logger; metrics: Metrics },
  command: string,
  tell: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const ref = logUnexpected(deps.log, error, { platform: 'slack', command });
    deps.metrics.commands.inc({ platform: 'slack', command, outcome: 'unexpected' });
    try {
      await tell(unexpectedMessage(ref));
    } catch (replyError) {
      logUnexpected(deps.log, replyError, { platform: 'slack', command, replyingTo: ref });
    }
  }
}
