import type { DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { createLogger } from '../../src/log.ts';

export type Behaviour = (notification: OutboundNotification) => DeliveryOutcome | Promise<DeliveryOutcome>;

/**
 * A notifier standing in for a chat platform: it records every attempt and answers as the
 * current behaviour says, so a test can take the platform down and bring it back.
 */
export function recordingNotifier(
  platform: Notifier['platform'],
  initial: Behaviour = () => ({ status: 'delivered' }),
) {
  let behaviour = initial;
  const attempts: OutboundNotification[] = [];
  const delivered: OutboundNotification[] = [];
  const notifier: Notifier = {
    platform,
    async deliver(notification) {
      attempts.push(notification);
      const outcome = await behaviour(notification);
      if (outcome.status === 'delivered') delivered.push(notification);
      return outcome;
    },
  };
  return {
    notifier,
    attempts,
    delivered,
    behave(next: Behaviour) {
      behaviour = next;
    },
  };
}

export const silentLog = createLogger('silent');

export const down: Behaviour = () => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:443');
};

export const serverError: Behaviour = () => ({ status: 'retry', reason: 'HTTP 503' });
