import { recordActivity } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { type InvitationRow, resolveInvitation } from '../store/repositories/invitations.repo.ts';
import { NotificationBatch } from './notify.ts';

/**
 * Marks one overdue invitation expired with its activity and notifications (channel, and the inviter
 * by DM). Returns false when it had already left Pending, so each expiry is handled once.
 */
export async function expireInvitation(
  trx: Executor,
  invitation: InvitationRow,
  orgName: string,
  now: number,
): Promise<boolean> {
  if (!(await resolveInvitation(trx, invitation.id, 'expired', now))) return false;
  const event = { kind: 'invitation_expired', orgName, email: invitation.email } as const;
  await new NotificationBatch(invitation.org_id, now)
    .toChannels(event)
    .toPerson(invitation.invited_by, event)
    .write(trx);
  await recordActivity(trx, {
    orgId: invitation.org_id,
    at: now,
    actor: 'system',
    action: 'invitation_expired',
    subject: invitation.email,
    details: { role: invitation.role, invitedBy: invitation.invited_by },
  });
  return true;
}
