import type { Executor } from '../store/repositories/executor.ts';
import { findLinkedEmail } from '../store/repositories/identities.repo.ts';
import { findMembership } from '../store/repositories/memberships.repo.ts';
import { type BoundOrganization, findOrgByBinding, lockBoundOrg } from '../store/repositories/organizations.repo.ts';
import type { Caller } from './caller.ts';
import type { CoreDeps } from './deps.ts';
import { normalizeEmail } from './email.ts';
import type { Role } from './model.ts';
import { identityWorkspace as workspaceOfIdentity } from './platform-facts.ts';
import { err, ok, type Result } from './result.ts';
import { inTransaction } from './transaction.ts';

/** A caller known to be a Verified member of the organization bound to their workspace. */
export interface MemberContext {
  readonly org: BoundOrganization;
  readonly email: string;
  readonly role: Role;
}

/** Where the caller's chat account is stored: per workspace, or '' where user ids are global. */
export function identityWorkspace(deps: CoreDeps, caller: Caller): string {
  return workspaceOfIdentity(deps.settings.platforms, caller.platform, caller.workspaceId);
}

/** The caller's email: vouched for by the platform, or linked to their chat account. */
export async function callerEmail(deps: CoreDeps, db: Executor, caller: Caller): Promise<string | undefined> {
  if (caller.verifiedEmail !== null) return normalizeEmail(caller.verifiedEmail);
  return findLinkedEmail(db, caller.platform, identityWorkspace(deps, caller), caller.userId);
}

async function memberOf(
  deps: CoreDeps,
  db: Executor,
  caller: Caller,
  org: BoundOrganization,
): Promise<Result<MemberContext>> {
  const email = await callerEmail(deps, db, caller);
  if (email === undefined) return err({ code: 'not_linked' });
  const membership = await findMembership(db, org.orgId, email);
  if (!membership) return err({ code: 'not_a_member' });
  return ok({ org, email, role: membership.role });
}

export interface Access {
  readonly ownerOnly?: boolean;
}

function checkAccess(member: Result<MemberContext>, access: Access): Result<MemberContext> {
  if (member.ok && access.ownerOnly && member.value.role !== 'owner') return err({ code: 'owner_only' });
  return member;
}

/** For reads: the caller as a member of their workspace's organization, without locking. */
export async function readAsMember(
  deps: CoreDeps,
  caller: Caller,
  access: Access = {},
): Promise<Result<MemberContext>> {
  const db = deps.store.db;
  const org = await findOrgByBinding(db, caller.platform, caller.workspaceId);
  if (!org) return err({ code: 'org_not_set_up' });
  return checkAccess(await memberOf(deps, db, caller, org), access);
}

/**
 * For writes: one transaction that first locks the organization, then checks the caller's
 * membership as it is now, so concurrent changes of one organization apply one after another.
 */
export async function writeAsMember<T>(
  deps: CoreDeps,
  caller: Caller,
  access: Access,
  work: (trx: Executor, member: MemberContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  return inTransaction(deps.store, async (trx) => {
    const org = await lockBoundOrg(trx, caller.platform, caller.workspaceId);
    if (!org) return err({ code: 'org_not_set_up' });
    const member = checkAccess(await memberOf(deps, trx, caller, org), access);
    return member.ok ? work(trx, member.value) : member;
  });
}
