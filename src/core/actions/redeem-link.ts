import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { findLinkedEmail, linkIdentity } from '../../store/repositories/identities.repo.ts';
import { countPending } from '../../store/repositories/invitations.repo.ts';
import { deleteLinkCode, findLinkCode, type StoredLinkCode } from '../../store/repositories/link-codes.repo.ts';
import { findMembership, listMemberships } from '../../store/repositories/memberships.repo.ts';
import {
  type BoundOrganization,
  deleteBinding,
  findOrgByBinding,
  insertBinding,
  listBindings,
  lockOrg,
} from '../../store/repositories/organizations.repo.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { identityWorkspace } from '../access.ts';
import type { LinkOutcome, RedeemLinkInput } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { normalizeEmail } from '../email.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { err, ok, type Result } from '../result.ts';
import { codeMatches, hashCode } from '../secret-codes.ts';
import { inTransaction } from '../transaction.ts';

/** The live code, compared in constant time; wrong, spent and stale codes are one answer. */
async function liveCode(db: Executor, code: string, now: number): Promise<StoredLinkCode | undefined> {
  const stored = await findLinkCode(db, hashCode(code));
  if (!stored || !codeMatches(code, stored.codeHash) || stored.expiresAt <= now) return undefined;
  return stored;
}

/**
 * The caller's account is to stand for the code's owner: on a platform that vouches for emails it
 * must already be theirs; elsewhere it is linked now, unless it stands for someone else.
 */
async function linkCaller(deps: CoreDeps, trx: Executor, caller: Caller, ownerEmail: string, now: number) {
  if (caller.verifiedEmail !== null)
    return normalizeEmail(caller.verifiedEmail) === ownerEmail ? ok(undefined) : err({ code: 'link_code_not_yours' });
  const workspaceId = identityWorkspace(deps, caller);
  const linked = await findLinkedEmail(trx, caller.platform, workspaceId, caller.userId);
  if (linked !== undefined && linked !== ownerEmail) return err({ code: 'identity_conflict', linkedEmail: linked });
  await linkIdentity(trx, { platform: caller.platform, workspaceId, userId: caller.userId, email: ownerEmail, now });
  return ok(undefined);
}

/**
 * Frees the caller's workspace from an organization of its own when nobody but the caller is in it
 * (no other member, no pending invitation); refused otherwise (SPEC §12). The emptied organization
 * stays, unbound, for the admin CLI. `own` is already locked.
 */
async function freeWorkspace(
  trx: Executor,
  caller: Caller,
  own: BoundOrganization | undefined,
  ownerEmail: string,
): Promise<Result<undefined>> {
  if (!own) return ok(undefined);
  const others = (await listMemberships(trx, own.orgId)).filter((m) => m.email !== ownerEmail);
  if (others.length > 0 || (await countPending(trx, own.orgId)) > 0)
    return err({ code: 'workspace_has_members', orgName: own.orgName });
  await deleteBinding(trx, caller.platform, caller.workspaceId);
  return ok(undefined);
}

/** Both organizations a link touches, locked in one order (by id), so two crossed links cannot deadlock. */
async function lockBoth(trx: Executor, codeOrgId: string, ownOrgId: string | undefined) {
  const ids = [...new Set([codeOrgId, ownOrgId ?? codeOrgId])].sort();
  const locked = new Map<string, { name: string }>();
  for (const id of ids) {
    const row = await lockOrg(trx, id);
    if (row) locked.set(id, row);
  }
  return locked.get(codeOrgId);
}

async function bind(deps: CoreDeps, caller: Caller, input: RedeemLinkInput): Promise<Result<LinkOutcome>> {
  return inTransaction(deps.store, async (trx) => {
    const now = deps.clock();
    const found = await liveCode(trx, input.code, now);
    const own = await findOrgByBinding(trx, caller.platform, caller.workspaceId);
    const org = found && (await lockBoth(trx, found.orgId, own?.orgId));
    // Read again under the lock: a redeemer who got there first has spent it (single use).
    const code = org && (await liveCode(trx, input.code, now));
    if (!code || !org) return err({ code: 'invalid_link_code' });
    // The code speaks for its owner only while they still own the organization.
    if ((await findMembership(trx, code.orgId, code.createdBy))?.role !== 'owner')
      return err({ code: 'invalid_link_code' });
    if (own?.orgId === code.orgId) return err({ code: 'already_linked', orgName: org.name });
    const bindings = await listBindings(trx, code.orgId);
    if (bindings.some((b) => b.platform === caller.platform))
      return err({ code: 'platform_already_linked', orgName: org.name, platform: caller.platform });
    const linked = await linkCaller(deps, trx, caller, code.createdBy, now);
    if (!linked.ok) return linked;
    const freed = await freeWorkspace(trx, caller, own, code.createdBy);
    if (!freed.ok) return freed;

    const channelId = input.defaultChannelId ?? null;
    await insertBinding(trx, {
      platform: caller.platform,
      workspaceId: caller.workspaceId,
      orgId: code.orgId,
      channelId,
    });
    await deleteLinkCode(trx, code.orgId, code.codeHash);
    await recordActivity(trx, {
      orgId: code.orgId,
      at: now,
      actor: code.createdBy,
      action: 'platform_linked',
      subject: null,
      details: { platform: caller.platform, workspace: caller.workspaceId },
    });
    const batch = new NotificationBatch(code.orgId, now, deps.settings.sendsEmail);
    batch.toChannels({ kind: 'platform_linked', orgName: org.name, platform: caller.platform, by: code.createdBy });
    await batch.write(trx, deps.settings.platforms);
    const platforms = [...new Set([...bindings.map((b) => b.platform), caller.platform])];
    return ok({ orgName: org.name, email: code.createdBy, platforms, channelSet: channelId !== null });
  });
}

/** SPEC §12: an admin of another workspace binds it to the code's organization, as the code's owner. */
export async function redeemLinkCode(
  deps: CoreDeps,
  caller: Caller,
  input: RedeemLinkInput,
): Promise<Result<LinkOutcome>> {
  if (!input.isPlatformAdmin) return err({ code: 'not_platform_admin' });
  try {
    return await bind(deps, caller, input);
  } catch (error) {
    // Two codes redeemed for one workspace at once: the second finds the first's binding.
    const bound =
      isUniqueViolation(error) && (await findOrgByBinding(deps.store.db, caller.platform, caller.workspaceId));
    if (bound) return err({ code: 'already_linked', orgName: bound.orgName });
    throw error;
  }
}
