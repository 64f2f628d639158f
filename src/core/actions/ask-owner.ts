import { findRequest, insertRequest } from '../../store/repositories/requests.repo.ts';
import { callerEmail, readAsMember, writeAsMember } from '../access.ts';
import type { AskOffer, RequestOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import { MINUTE } from '../clock.ts';
import type { CoreDeps } from '../deps.ts';
import { openRequest } from '../open-request.ts';
import { err, ok, type Result } from '../result.ts';
import { grantableRoles, parseRole } from '../roles.ts';
import { newActionId } from '../secret-codes.ts';
import { parseEmailList } from './invite.ts';

/** As long as a confirmation (SPEC §3): an Ask an owner button older than this asks nobody. */
export const OFFER_TTL_MS = 15 * MINUTE;

/**
 * Keeps an invite the caller may not make (its role) as an offer, so the Ask an owner button can
 * carry an opaque id instead of up to 100 addresses. Offered only where `invite` refused the role:
 * a role the caller may grant needs no owner.
 */
export async function offerAsk(
  deps: CoreDeps,
  caller: Caller,
  input: { emails: readonly string[]; role: string },
): Promise<Result<AskOffer>> {
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  const role = parseRole(input.role);
  if (role === undefined) return err({ code: 'invalid_role', input: input.role });
  if (grantableRoles(member.value.role).includes(role)) return err({ code: 'request_not_needed', role });
  const emails = parseEmailList(input.emails);
  if (!emails.ok) return emails;
  const now = deps.clock();
  const offerId = newActionId();
  const ask = { purpose: 'invite', emails: emails.value, role, reason: 'role' } as const;
  const { orgId } = member.value.org;
  await insertRequest(deps.store.db, { id: offerId, orgId, requester: member.value.email, ask, state: 'offered', now });
  return ok({ offerId, expiresAt: now + OFFER_TTL_MS, ask });
}

/** The Ask an owner click: only its author, once, within 15 minutes; then the owners are asked. */
export async function askOwner(
  deps: CoreDeps,
  caller: Caller,
  input: { offerId: string },
): Promise<Result<RequestOutcome>> {
  const offer = await findRequest(deps.store.db, input.offerId);
  if (!offer) return err({ code: 'request_not_found' });
  if ((await callerEmail(deps, deps.store.db, caller)) !== offer.requester) return err({ code: 'request_not_yours' });
  return writeAsMember(deps, caller, {}, async (trx, member) => {
    const current = await findRequest(trx, input.offerId);
    if (!current || current.orgId !== member.org.orgId) return err({ code: 'request_not_found' });
    if (current.state === 'open') return err({ code: 'request_already_open', purpose: current.ask.purpose });
    if (current.state !== 'offered') return err({ code: 'request_decided', state: current.state });
    if (deps.clock() - current.createdAt >= OFFER_TTL_MS) return err({ code: 'request_expired' });
    return openRequest(deps, trx, member, current.ask, current.id);
  });
}
