import { recordActivities } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { lapseDue } from '../store/repositories/requests.repo.ts';
import { OFFER_TTL_MS } from './actions/ask-owner.ts';
import { NotificationBatch } from './notification-batch.ts';
import { askDetails, REQUEST_TTL_MS } from './open-request.ts';
import type { PlatformDirectory } from './platform-facts.ts';

/**
 * The sweep's part for requests (SPEC §12): open requests older than 7 days lapse in one set-based
 * statement, each recorded and its requester told; unclicked Ask an owner offers are dropped.
 * Returns how many lapsed.
 */
export async function lapseDueRequests(
  trx: Executor,
  platforms: PlatformDirectory,
  due: { now: number; limit: number; skipLocked: boolean },
): Promise<number> {
  const lapsed = await lapseDue(trx, {
    now: due.now,
    openedBefore: due.now - REQUEST_TTL_MS,
    offeredBefore: due.now - OFFER_TTL_MS,
    limit: due.limit,
    skipLocked: due.skipLocked,
  });
  for (const request of lapsed) {
    const { orgId, orgName, requester, ask } = request;
    await new NotificationBatch(orgId, due.now)
      .toPerson(requester, { kind: 'request_decided', orgName, requester, ask, outcome: 'lapsed' })
      .write(trx, platforms);
  }
  await recordActivities(
    trx,
    lapsed.map((request) => ({
      orgId: request.orgId,
      at: due.now,
      actor: 'system',
      action: 'request_lapsed' as const,
      subject: request.requester,
      details: askDetails(request.ask),
    })),
  );
  return lapsed.length;
}
