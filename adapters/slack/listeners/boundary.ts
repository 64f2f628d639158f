import { type Logger, logUnexpected } from '../../../src/log.ts';
import type { Metrics } from '../../../src/metrics.ts';
import { rateLimitedMessage, unexpectedMessage } from '../messages.ts';

/** Seconds Slack asked us to wait, when `error` is the WebClient's refusal of a rate-limited call. */
function rateLimitWait(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  if (error.code !== 'slack_webapi_rate_limited_error') return undefined;
  return 'retryAfter' in error && typeof error.retryAfter === 'number' ? error.retryAfter : 60;
}

/**
 * The adapter's one boundary catch: anything unexpected is logged with a reference id and the user
 * sees that id, never a stack trace. A call Slack rate-limited is expected: the user hears when to
 * try again.
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
    const wait = rateLimitWait(error);
    if (wait !== undefined) {
      // Not our fault and nothing changed: the person is told when to try again, the log says which call.
      deps.log.warn({ err: error, platform: 'slack', command, retryAfterS: wait }, 'Slack rate-limited a call');
      deps.metrics.commands.inc({ platform: 'slack', command, outcome: 'rate_limited' });
      await tell(rateLimitedMessage(wait)).catch((replyError: unknown) =>
        logUnexpected(deps.log, replyError, { platform: 'slack', command }),
      );
      return;
    }
    const ref = logUnexpected(deps.log, error, { platform: 'slack', command });
    deps.metrics.commands.inc({ platform: 'slack', command, outcome: 'unexpected' });
    try {
      await tell(unexpectedMessage(ref));
    } catch (replyError) {
      logUnexpected(deps.log, replyError, { platform: 'slack', command, replyingTo: ref });
    }
  }
}
