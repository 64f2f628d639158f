import { recordActivity } from '../../store/repositories/activity.repo.ts';
import { addDomain, listDomains, removeDomain } from '../../store/repositories/domains.repo.ts';
import { writeAsMember } from '../access.ts';
import type { DomainsInput, DomainsOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { parseDomain } from '../domain-policy.ts';
import { err, ok, type Result } from '../result.ts';

/** The organization's domain list (SPEC §12), owners only: list it, add one, remove one; recorded. */
export async function domains(deps: CoreDeps, caller: Caller, input: DomainsInput): Promise<Result<DomainsOutcome>> {
  return writeAsMember<DomainsOutcome>(deps, caller, { ownerOnly: true }, async (trx, owner) => {
    const { orgId } = owner.org;
    if (input.op === 'list') return ok({ op: 'list', domains: await listDomains(trx, orgId) });
    const domain = parseDomain(input.domain ?? '');
    if (!domain.ok) return domain;
    const now = deps.clock();
    if (input.op === 'add') {
      if (!(await addDomain(trx, { orgId, domain: domain.value, by: owner.email, now })))
        return err({ code: 'domain_already_listed', domain: domain.value });
    } else if (!(await removeDomain(trx, orgId, domain.value))) {
      return err({ code: 'domain_not_listed', domain: domain.value });
    }
    const action = input.op === 'add' ? 'domain_added' : 'domain_removed';
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: owner.email,
      action,
      subject: null,
      details: { domain: domain.value },
    });
    return ok({ op: input.op, domain: domain.value, domains: await listDomains(trx, orgId) });
  });
}
