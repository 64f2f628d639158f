import { recordActivity } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { type Invitation, resolveInvitation } from '../store/repositories/invitations.repo.ts';
import { NotificationBatch } from './notification-batch.ts';
import type { PlatformDirectory } from './platform-facts.ts';

/**
 * Marks one overdue invitation expired with its activity and notifications (channel, and the inviter
 * by DM). Returns false when it had already left Pending, so each expiry is handled once.
 */
export async function expireInvitation(
  trx: Executor,
  invitation: Invitation & { readonly orgName: string },
  platforms: PlatformDirectory,
  now: number,
): Promise<boolean> {
  if (!(await resolveInvitation(trx, invitation.id, 'expired', now))) return false;
  const event = { kind: 'invitation_expired', orgName: invitation.orgName, email: invitation.email } as const;
  await new NotificationBatch(invitation.orgId, now)
    .toChannels(event)
    .toPerson(invitation.invitedBy, event)
    .write(trx, platforms);
  await recordActivity(trx, {
    orgId: invitation.orgId,
    at: now,
    actor: 'system',
    action: 'invitation_expired',
    subject: invitation.email,
    details: { role: invitation.role, invitedBy: invitation.invitedBy },
  });
  return true;
}
