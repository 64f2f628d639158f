import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { findPending, resolveInvitation } from '../../store/repositories/invitations.repo.ts';
import { deleteMembership, updateRole } from '../../store/repositories/memberships.repo.ts';
import type { MemberContext } from '../access.ts';
import type { ConfirmableAction, UndoHandle } from '../api.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { keepForUndo } from './undo-removal.ts';

/** Runs a confirmed action that its checks just passed, with its activity and notifications; a removal can be undone. */
export async function applyAction(
  deps: CoreDeps,
  trx: Executor,
  m: MemberContext,
  action: ConfirmableAction,
  now: number,
): Promise<UndoHandle | undefined> {
  let undo: UndoHandle | undefined;
  const { orgId, orgName } = m.org;
  const batch = new NotificationBatch(orgId, now, deps.settings.sendsEmail);
  const log = (subject: string, details: Record<string, string>) =>
    recordActivity(trx, { orgId, at: now, actor: m.email, action: activityOf[action.kind], subject, details });
  switch (action.kind) {
    case 'revoke': {
      const invitation = await findPending(trx, orgId, action.email);
      const event = { kind: 'invitation_revoked', orgName, email: action.email, by: m.email } as const;
      if (invitation) {
        await resolveInvitation(trx, invitation.id, 'revoked', now);
        batch.toCardsOrChannels(invitation.id, action.email, 'revoked', event);
      } else batch.toChannels(event);
      await log(action.email, { role: action.role });
      break;
    }
    case 'role': {
      await updateRole(trx, orgId, action.email, action.to);
      const event = {
        kind: 'role_changed',
        orgName,
        email: action.email,
        from: action.from,
        to: action.to,
        by: m.email,
      } as const;
      batch.toChannels(event).toPerson(action.email, event).toMailbox(action.email, event);
      await log(action.email, { from: action.from, to: action.to });
      break;
    }
    case 'remove': {
      undo = await keepForUndo(trx, orgId, action.email, m.email, now);
      await deleteMembership(trx, orgId, action.email);
      const event = { kind: 'member_removed', orgName, email: action.email, by: m.email } as const;
      batch.toChannels(event).toPerson(action.email, event).toMailbox(action.email, event);
      await log(action.email, { role: action.role });
      break;
    }
    case 'leave': {
      await deleteMembership(trx, orgId, m.email);
      batch.toChannels({ kind: 'member_left', orgName, email: m.email });
      await log(m.email, { role: m.role });
      break;
    }
    case 'transfer': {
      // Both rows in this one transaction under the organization lock: the owner count never dips.
      await updateRole(trx, orgId, action.email, 'owner');
      await updateRole(trx, orgId, m.email, 'member');
      const event = { kind: 'ownership_transferred', orgName, email: action.email, from: m.email } as const;
      // The new owner's role changed: like any role change, they are told by email too (SPEC §6).
      batch.toChannels(event).toPerson(action.email, event).toMailbox(action.email, event);
      await log(action.email, { from: action.from, previousOwner: m.email });
      break;
    }
  }
  await batch.write(trx, deps.settings.platforms);
  return undo;
}

const activityOf = {
  revoke: 'invitation_revoked',
  role: 'role_changed',
  remove: 'member_removed',
  leave: 'member_left',
  transfer: 'ownership_transferred',
} as const;
