import { recordActivity } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { listOwners } from '../store/repositories/memberships.repo.ts';
import { listBindings } from '../store/repositories/organizations.repo.ts';
import { hasOpenRequest, insertRequest, openOffered } from '../store/repositories/requests.repo.ts';
import type { MemberContext } from './access.ts';
import type { RequestOutcome } from './api.ts';
import { DAY } from './clock.ts';
import type { CoreDeps } from './deps.ts';
import type { RequestAsk } from './model.ts';
import { NotificationBatch } from './notification-batch.ts';
import { err, ok, type Result } from './result.ts';
import { newActionId } from './secret-codes.ts';

/** SPEC §12: an open request lapses 7 days after it was made. */
export const REQUEST_TTL_MS = 7 * DAY;

/** Addresses an activity entry names; the request row keeps all of them. */
const NAMED_IN_ACTIVITY = 3;

/** What the activity keeps of an ask, as flat strings short enough for one line of any surface. */
export function askDetails(ask: RequestAsk): Record<string, string> {
  if (ask.purpose === 'role') return { purpose: 'role', role: ask.role };
  const named = ask.emails.slice(0, NAMED_IN_ACTIVITY).join(' ');
  const more = ask.emails.length - NAMED_IN_ACTIVITY;
  const emails = more > 0 ? `${named} and ${more} more` : named;
  return { purpose: 'invite', role: ask.role, emails, reason: ask.reason };
}

/**
 * Opens a request in the caller's transaction (the organization is locked): refused when the person
 * already has one open for this purpose; recorded, and the owners asked in the channel with Approve
 * and Deny (by DM when the organization has no channel). `offerId`: an offered request (the Ask an owner button) is opened instead of a new one.
 */
export async function openRequest(
  deps: CoreDeps,
  trx: Executor,
  member: MemberContext,
  ask: RequestAsk,
  offerId?: string,
): Promise<Result<RequestOutcome>> {
  const { orgId, orgName } = member.org;
  if (await hasOpenRequest(trx, orgId, member.email, ask.purpose))
    return err({ code: 'request_already_open', purpose: ask.purpose });
  const now = deps.clock();
  const requestId = offerId ?? newActionId();
  if (offerId === undefined)
    await insertRequest(trx, { id: requestId, orgId, requester: member.email, ask, state: 'open', now });
  else if (!(await openOffered(trx, offerId, now))) return err({ code: 'request_decided', state: 'lapsed' });
  await recordActivity(trx, {
    orgId,
    at: now,
    actor: member.email,
    action: 'request_made',
    subject: null,
    details: askDetails(ask),
  });
  const event = { kind: 'request_made', orgName, requestId, requester: member.email, ask } as const;
  const batch = new NotificationBatch(orgId, now);
  // With no notification channel anywhere, a channel post would reach nobody and the request would
  // lapse unseen: each owner is asked by DM instead, with the same Approve and Deny.
  if ((await listBindings(trx, orgId)).some((binding) => binding.channelId)) batch.toChannels(event);
  else for (const owner of await listOwners(trx, orgId)) batch.toPerson(owner, event);
  await batch.write(trx, deps.settings.platforms);
  return ok({ requestId, orgName, ask });
}
