import { listOpenRequests } from '../../store/repositories/requests.repo.ts';
import { readAsMember } from '../access.ts';
import type { OpenRequests } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { REQUEST_TTL_MS } from '../open-request.ts';
import { ok, type Result } from '../result.ts';

/**
 * `list requests`: the open requests an owner may decide (all of the organization's), or, for anyone
 * else, their own, so a request whose channel card scrolled away is never out of reach. One a week
 * old is left out even before the sweep lapses it: deciding it would be refused.
 */
export async function listRequests(deps: CoreDeps, caller: Caller): Promise<Result<OpenRequests>> {
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  const { org, email, role } = member.value;
  const now = deps.clock();
  const decides = role === 'owner';
  const open = await listOpenRequests(deps.store.db, {
    orgId: org.orgId,
    openedAfter: now - REQUEST_TTL_MS,
    ...(decides ? {} : { requester: email }),
  });
  return ok({
    orgName: org.orgName,
    decides,
    requests: open.map((r) => ({
      requestId: r.id,
      requester: r.requester,
      ask: r.ask,
      madeAt: r.createdAt,
      lapsesAt: r.createdAt + REQUEST_TTL_MS,
    })),
  });
}
