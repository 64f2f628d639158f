import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { decideRequest, findRequest, type StoredRequest } from '../../store/repositories/requests.repo.ts';
import { type MemberContext, writeAsMember } from '../access.ts';
import type { DecisionOutcome, InviteOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { askDetails, REQUEST_TTL_MS } from '../open-request.ts';
import { err, ok, type Result } from '../result.ts';
import { applyAction } from './apply-action.ts';
import { checkAction } from './confirmable-checks.ts';
import { inviteAs } from './invite.ts';

type Decision = DecisionOutcome['decision'];

/** The request as it is now, under the lock: still open, still within its 7 days, of this organization. */
async function openRequestOf(
  deps: CoreDeps,
  trx: Executor,
  member: MemberContext,
  requestId: string,
): Promise<Result<StoredRequest>> {
  const request = await findRequest(trx, requestId);
  if (!request || request.orgId !== member.org.orgId || request.state === 'offered')
    return err({ code: 'request_not_found' });
  if (request.state !== 'open') return err({ code: 'request_decided', state: request.state });
  // Past its 7 days but not swept yet: it lapses, whatever the order of sweep and click.
  if (deps.clock() - request.createdAt >= REQUEST_TTL_MS) return err({ code: 'request_expired' });
  return ok(request);
}

/**
 * Runs what was asked as the approving owner, with every rule of SPEC §2 checked now: a role change
 * as `role` would (the last owner kept), an invite as `invite` would (seats, duplicates). A refusal
 * leaves the request open and changes nothing.
 */
async function carryOut(
  deps: CoreDeps,
  trx: Executor,
  owner: MemberContext,
  caller: Caller,
  request: StoredRequest,
): Promise<Result<InviteOutcome | undefined>> {
  const { ask } = request;
  if (ask.purpose === 'invite') return inviteAs(deps, trx, owner, caller, { emails: ask.emails, role: ask.role });
  const now = deps.clock();
  const change = await checkAction(trx, owner, { kind: 'role', email: request.requester, role: ask.role }, now);
  if (!change.ok) return change;
  await applyAction(deps, trx, owner, change.value, now);
  return ok(undefined);
}

/** Approve or deny: owners only, once (the organization lock orders two owners' clicks), recorded, requester told. */
async function decide(
  deps: CoreDeps,
  caller: Caller,
  requestId: string,
  decision: Decision,
): Promise<Result<DecisionOutcome>> {
  return writeAsMember(deps, caller, { ownerOnly: true }, async (trx, owner) => {
    const request = await openRequestOf(deps, trx, owner, requestId);
    if (!request.ok) return request;
    const invited = decision === 'approved' ? await carryOut(deps, trx, owner, caller, request.value) : ok(undefined);
    if (!invited.ok) return invited;
    const now = deps.clock();
    const { requester, ask } = request.value;
    if (!(await decideRequest(trx, requestId, { state: decision, by: owner.email, now })))
      return err({ code: 'request_decided', state: decision });
    const { orgId, orgName } = owner.org;
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: owner.email,
      action: decision === 'approved' ? 'request_approved' : 'request_denied',
      subject: requester,
      details: askDetails(ask),
    });
    await new NotificationBatch(orgId, now)
      .toPerson(requester, { kind: 'request_decided', orgName, requester, ask, outcome: decision, by: owner.email })
      .write(trx, deps.settings.platforms);
    return ok({
      requestId,
      requester,
      ask,
      decision,
      by: owner.email,
      ...(invited.value === undefined ? {} : { invited: invited.value }),
    });
  });
}

export function approveRequest(deps: CoreDeps, caller: Caller, input: { requestId: string }) {
  return decide(deps, caller, input.requestId, 'approved');
}

export function denyRequest(deps: CoreDeps, caller: Caller, input: { requestId: string }) {
  return decide(deps, caller, input.requestId, 'denied');
}
