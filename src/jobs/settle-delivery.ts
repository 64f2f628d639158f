import type { DeliveryOutcome, NotificationEvent } from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { DeliveryReason, Metrics } from '../metrics.ts';
import type { Store } from '../store/connect.ts';
import { recordActivity } from '../store/repositories/activity.repo.ts';
import { retireCard } from '../store/repositories/cards.repo.ts';
import { markUndeliverable, type OutboxRow, reschedule } from '../store/repositories/outbox.repo.ts';
import { TIMED_OUT } from './attempt-delivery.ts';
import { backoffMs, operatorBackoffMs } from './backoff.ts';

export interface SettleDeps {
  readonly store: Store;
  readonly log: Logger;
  readonly metrics?: Metrics | undefined;
}

type Failure = Exclude<DeliveryOutcome, { status: 'delivered' }>;

export function reasonClass(outcome: DeliveryOutcome): DeliveryReason {
  if (outcome.status === 'delivered') return 'ok';
  if (outcome.status === 'undeliverable') return 'recipient';
  if (outcome.operatorFixable) return 'operator';
  if (outcome.retryAfterMs !== undefined) return 'rate_limited';
  return outcome.reason === TIMED_OUT ? 'timeout' : 'transient';
}

function subjectOf(event: NotificationEvent): string | null {
  return 'email' in event ? event.email : null;
}

/**
 * Records a failed attempt. Temporary failures go back to the queue with backoff (or the platform's
 * Retry-After); one an admin must fix is logged as an error and, the first time for a row, entered in
 * the activity, then retried for as long as it takes; an undeliverable one is entered in the activity
 * and never tried again (a live card's post or edit refused so retires the card: it is not edited again).
 */
export async function settleFailure(deps: SettleDeps, row: OutboxRow, outcome: Failure, now: number): Promise<void> {
  const event = JSON.parse(row.event) as NotificationEvent;
  const context = { notification: row.id, platform: row.platform, attempt: row.attempts, reason: outcome.reason };
  if (outcome.status === 'undeliverable') {
    await deps.store.db.transaction().execute(async (trx) => {
      await markUndeliverable(trx, row.id, outcome.reason);
      // A card the platform refused for good (its message deleted) is not edited again: later changes stay in the activity.
      if (row.card_id !== null) await retireCard(trx, row.card_id);
      await recordActivity(trx, {
        orgId: row.org_id,
        at: now,
        actor: 'system',
        action: 'notification_undeliverable',
        subject: subjectOf(event),
        details: { platform: row.platform, kind: event.kind, reason: outcome.reason },
      });
    });
    deps.log.warn(context, 'notification undeliverable: the recipient cannot receive it');
    return;
  }
  if (!outcome.operatorFixable) {
    await reschedule(deps.store.db, row.id, now + (outcome.retryAfterMs ?? backoffMs(row.attempts)), outcome.reason);
    deps.log.warn(context, 'notification will be retried');
    return;
  }
  const firstTime = row.last_error !== outcome.reason;
  await deps.store.db.transaction().execute(async (trx) => {
    await reschedule(trx, row.id, now + operatorBackoffMs(row.attempts), outcome.reason);
    if (!firstTime) return;
    await recordActivity(trx, {
      orgId: row.org_id,
      at: now,
      actor: 'system',
      action: 'notification_delayed',
      subject: subjectOf(event),
      details: { platform: row.platform, kind: event.kind, reason: outcome.reason },
    });
  });
  deps.log.error(context, 'notification held until an admin fixes the bot: retried with a long backoff');
}
