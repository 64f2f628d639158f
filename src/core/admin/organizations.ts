import { randomUUID } from 'node:crypto';
import { allActivity, recordActivity } from '../../store/repositories/activity.repo.ts';
import {
  findBoundOrgId,
  findOrgById,
  insertBinding,
  insertOrg,
  listBindings,
  listOrganizations,
  lockOrg,
} from '../../store/repositories/organizations.repo.ts';
import { MAX_ORG_NAME } from '../actions/setup.ts';
import type { CoreDeps } from '../deps.ts';
import type { Platform } from '../model.ts';
import { ok } from '../result.ts';
import {
  type AdminResult,
  type BindOutcome,
  type CreatedOrg,
  type ExportedEntry,
  type OrgSummary,
  refuse,
  type SystemCaller,
} from './admin-api.ts';
import { adminTransaction } from './admin-transaction.ts';

/** An organization with no binding yet; `org bind` puts it on a workspace. */
export function createOrg(
  deps: CoreDeps,
  caller: SystemCaller,
  input: { name: string; limit?: number },
): Promise<AdminResult<CreatedOrg>> {
  const name = input.name.trim();
  const limit = input.limit ?? deps.settings.orgMaxMembers;
  return adminTransaction(deps, async (trx) => {
    if (name.length === 0 || name.length > MAX_ORG_NAME)
      return refuse({ code: 'invalid_org_name', maxLength: MAX_ORG_NAME });
    const orgId = randomUUID();
    const now = deps.clock();
    await insertOrg(trx, { id: orgId, name, limit, now });
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: caller.actor,
      action: 'org_created',
      subject: null,
      details: { name },
    });
    return ok({ orgId, name, limit });
  });
}

/**
 * Binds an organization to a workspace (SPEC §1: at most one workspace per platform),
 * under the organization's lock. Binding it again to the same workspace changes nothing; taking
 * another organization's workspace, or a second workspace on one platform, is refused.
 */
export function bindOrg(
  deps: CoreDeps,
  input: { orgId: string; platform: Platform; workspaceId: string },
): Promise<AdminResult<BindOutcome>> {
  const { orgId, platform, workspaceId } = input;
  return adminTransaction(deps, async (trx) => {
    const org = await lockOrg(trx, orgId);
    if (!org) return refuse({ code: 'org_not_found', orgId });
    const holder = await findBoundOrgId(trx, platform, workspaceId);
    if (holder === orgId) return ok('already_bound' as const);
    if (holder !== undefined) return refuse({ code: 'workspace_taken', platform, workspaceId, orgId: holder });
    const other = (await listBindings(trx, orgId)).find((b) => b.platform === platform);
    if (other)
      return refuse({ code: 'org_already_bound', orgName: org.name, platform, workspaceId: other.workspaceId });
    await insertBinding(trx, { platform, workspaceId, orgId, channelId: null });
    return ok('bound' as const);
  });
}

export async function listOrgs(deps: CoreDeps): Promise<readonly OrgSummary[]> {
  const orgs = await listOrganizations(deps.store.db);
  return orgs.map(({ memberLimit, ...org }) => ({ ...org, limit: memberLimit }));
}

/** Read in one transaction, so the export is one consistent ledger. */
export function exportActivity(
  deps: CoreDeps,
  input: { orgId: string },
): Promise<AdminResult<readonly ExportedEntry[]>> {
  return adminTransaction(deps, async (trx) => {
    if (!(await findOrgById(trx, input.orgId))) return refuse({ code: 'org_not_found', orgId: input.orgId });
    return ok(await allActivity(trx, input.orgId));
  });
}
