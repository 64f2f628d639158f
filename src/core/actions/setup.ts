import { randomUUID } from 'node:crypto';
import { recordActivity } from '../../store/repositories/activity.repo.ts';
import { findLinkedEmail, linkIdentity } from '../../store/repositories/identities.repo.ts';
import { insertMembership } from '../../store/repositories/memberships.repo.ts';
import { findOrgByBinding, insertBinding, insertOrg } from '../../store/repositories/organizations.repo.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { identityWorkspace } from '../access.ts';
import type { SetupInput, SetupOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { normalizeEmail, parseEmail } from '../email.ts';
import { err, ok, type Result } from '../result.ts';
import { inTransaction } from '../transaction.ts';

export const MAX_ORG_NAME = 80;

export async function setup(deps: CoreDeps, caller: Caller, input: SetupInput): Promise<Result<SetupOutcome>> {
  const orgName = input.orgName.trim();
  if (orgName.length === 0 || orgName.length > MAX_ORG_NAME) {
    return err({ code: 'invalid_org_name', maxLength: MAX_ORG_NAME });
  }
  if (!input.isPlatformAdmin) return err({ code: 'not_platform_admin' });
  const stated = caller.verifiedEmail ?? input.email;
  if (stated === undefined || stated.trim() === '') return err({ code: 'no_emails' });
  const ownerEmail = parseEmail(stated);
  if (ownerEmail === undefined) return err({ code: 'invalid_emails', emails: [normalizeEmail(stated)] });

  const now = deps.clock();
  try {
    return await createOrg(deps, caller, input, ownerEmail, now);
  } catch (error) {
    // Two admins setting up one workspace at the same moment: the second finds the first's.
    const existing =
      isUniqueViolation(error) && (await findOrgByBinding(deps.store.db, caller.platform, caller.workspaceId));
    if (existing) return err({ code: 'org_already_set_up', orgName: existing.orgName });
    throw error;
  }
}

function createOrg(deps: CoreDeps, caller: Caller, input: SetupInput, ownerEmail: string, now: number) {
  const orgName = input.orgName.trim();
  return inTransaction<SetupOutcome>(deps.store, async (trx) => {
    const existing = await findOrgByBinding(trx, caller.platform, caller.workspaceId);
    if (existing) return err({ code: 'org_already_set_up', orgName: existing.orgName });
    if (caller.verifiedEmail === null) {
      const linked = await findLinkedEmail(trx, caller.platform, identityWorkspace(deps, caller), caller.userId);
      if (linked !== undefined && linked !== ownerEmail) return err({ code: 'identity_conflict', linkedEmail: linked });
      await linkIdentity(trx, {
        platform: caller.platform,
        workspaceId: identityWorkspace(deps, caller),
        userId: caller.userId,
        email: ownerEmail,
        now,
      });
    }
    const orgId = randomUUID();
    await insertOrg(trx, { id: orgId, name: orgName, limit: deps.settings.orgMaxMembers, now });
    await insertBinding(trx, {
      platform: caller.platform,
      workspaceId: caller.workspaceId,
      orgId,
      channelId: input.defaultChannelId ?? null,
    });
    await insertMembership(trx, { orgId, email: ownerEmail, role: 'owner', now });
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: ownerEmail,
      action: 'org_created',
      subject: ownerEmail,
      details: { name: orgName },
    });
    return ok({ orgId, orgName, ownerEmail });
  });
}
