import type { DeliveryOutcome, Destination, NotificationEvent, Notifier, OutboundNotification } from '../core/index.ts';
import type { OutboxRow } from '../store/repositories/outbox.repo.ts';

/**
 * The dispatcher's own deadline on one attempt, above the notifiers' per-call timeouts (a DM by
 * email is a lookup and a post): a notifier that never settles cannot hold its row or its
 * destination's queue. A claim lease always outlasts it, so no other process takes a row mid-attempt.
 */
export const ATTEMPT_DEADLINE_MS = 4_000;

export const TIMED_OUT = 'timed out';

export function toOutbound(row: OutboxRow): OutboundNotification {
  return {
    id: row.id,
    orgId: row.org_id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    destination: JSON.parse(row.destination) as Destination,
    event: JSON.parse(row.event) as NotificationEvent,
    ...(row.secret === null ? {} : { secret: row.secret }),
    attempt: row.attempts,
  };
}

/** One delivery attempt: a throw or a missed deadline is a temporary failure the outbox retries. */
export async function attemptDelivery(
  notifier: Notifier,
  notification: OutboundNotification,
): Promise<DeliveryOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'retry', reason: TIMED_OUT }), ATTEMPT_DEADLINE_MS);
  });
  try {
    return await Promise.race([notifier.deliver(notification), deadline]);
  } catch (error) {
    return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
