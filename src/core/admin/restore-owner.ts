import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { countPending, findPending, resolveInvitation } from '../../store/repositories/invitations.repo.ts';
import {
  countMembers,
  findMembership,
  insertMembership,
  updateRole,
} from '../../store/repositories/memberships.repo.ts';
import { lockOrg } from '../../store/repositories/organizations.repo.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { ok } from '../result.ts';
import { type AdminResult, type RestoreOutcome, refuse, type SystemCaller } from './admin-api.ts';
import { adminTransaction } from './admin-transaction.ts';

/**
 * Break-glass (`rollcall owner restore`): makes `email` an owner whatever the chat permissions,
 * under the organization's lock. A member is promoted (noticed like a role change); anyone else
 * becomes a new member, their pending invitation revoked with its notice (a user is never both
 * member and invitee). The member limit still holds.
 */
export function restoreOwner(
  deps: CoreDeps,
  caller: SystemCaller,
  input: { orgId: string; email: string },
): Promise<AdminResult<RestoreOutcome>> {
  const { orgId, email } = input;
  return adminTransaction<RestoreOutcome>(deps, async (trx) => {
    const org = await lockOrg(trx, orgId);
    if (!org) return refuse({ code: 'org_not_found', orgId });
    const now = deps.clock();
    const batch = new NotificationBatch(orgId, now);
    const log = (action: 'owner_restored' | 'invitation_revoked', details: Record<string, string>) =>
      recordActivity(trx, { orgId, at: now, actor: caller.actor, action, subject: email, details });

    const membership = await findMembership(trx, orgId, email);
    if (membership?.role === 'owner') return ok({ kind: 'already_owner' });
    if (membership) {
      await updateRole(trx, orgId, email, 'owner');
      const event = {
        kind: 'role_changed',
        orgName: org.name,
        email,
        from: membership.role,
        to: 'owner',
        by: caller.actor,
      } as const;
      batch.toChannels(event).toPerson(email, event);
      await log('owner_restored', { from: membership.role });
      await batch.write(trx, deps.settings.platforms);
      return ok({ kind: 'promoted', from: membership.role } as const);
    }

    const pending = await findPending(trx, orgId, email);
    // The invitation gives its seat to the membership that replaces it.
    const taken = (await seatsTaken(trx, orgId)) - (pending ? 1 : 0);
    if (taken + 1 > org.memberLimit) {
      return refuse({ code: 'org_full', email, limit: org.memberLimit });
    }
    if (pending) {
      await resolveInvitation(trx, pending.id, 'revoked', now);
      const event = { kind: 'invitation_revoked', orgName: org.name, email, by: caller.actor } as const;
      batch.toCardsOrChannels(pending.id, email, 'revoked', event);
      await log('invitation_revoked', { role: pending.role, reason: 'owner restored' });
    }
    await insertMembership(trx, { orgId, email, role: 'owner', now });
    await log('owner_restored', { from: 'none' });
    await batch.write(trx, deps.settings.platforms);
    return ok({ kind: 'added', revokedInvitation: pending !== undefined } as const);
  });
}

/** Verified members plus pending invitations: SPEC §2's limit. */
async function seatsTaken(trx: Executor, orgId: string): Promise<number> {
  return (await countMembers(trx, orgId)) + (await countPending(trx, orgId));
}
