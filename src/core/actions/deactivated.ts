import { findMembership } from '../../store/repositories/memberships.repo.ts';
import { findOrgByBinding } from '../../store/repositories/organizations.repo.ts';
import { callerEmail } from '../access.ts';
import type { DeactivationOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';

/**
 * The platform deactivated a chat account (a person left the company). When it belongs to a
 * member of the organization bound to that workspace, the channel is asked whether to remove them;
 * the removal itself goes through the usual confirmation. Nothing is changed or recorded here.
 */
export async function platformUserDeactivated(deps: CoreDeps, account: Caller): Promise<DeactivationOutcome> {
  const db = deps.store.db;
  const org = await findOrgByBinding(db, account.platform, account.workspaceId);
  if (!org) return { prompted: false };
  const email = await callerEmail(deps, db, account);
  const membership = email === undefined ? undefined : await findMembership(db, org.orgId, email);
  if (email === undefined || !membership) return { prompted: false };
  const event = {
    kind: 'member_deactivated',
    orgName: org.orgName,
    email,
    role: membership.role,
    platform: account.platform,
  } as const;
  await new NotificationBatch(org.orgId, deps.clock()).toChannels(event).write(db, deps.settings.platforms);
  return { prompted: true };
}
