import type { Executor } from '../store/repositories/executor.ts';
import type { Invitation } from '../store/repositories/invitations.repo.ts';
import { findMembership } from '../store/repositories/memberships.repo.ts';
import { claimReminder } from '../store/repositories/reminders.repo.ts';
import { NotificationBatch } from './notification-batch.ts';
import type { PlatformDirectory } from './platform-facts.ts';
import { reminderSchedule } from './term.ts';

/**
 * Sends a pending invitation's due reminder to its inviter (SPEC §12) and moves its next-due time
 * on. When the sweep fell behind and both reminders are due, only the later one goes out. Returns
 * false when another process or a resend moved the reminder first, so each is sent once.
 */
export async function sendReminder(
  trx: Executor,
  invitation: Invitation & { readonly orgName: string },
  platforms: PlatformDirectory,
  now: number,
): Promise<boolean> {
  const seen = invitation.remindAt;
  if (seen === null || invitation.expiresAt <= now) return false;
  const schedule = reminderSchedule(invitation.sentAt, invitation.expiresAt);
  const due = schedule.filter((r) => r.at <= now).at(-1);
  const next = schedule.find((r) => r.at > now)?.at ?? null;
  if (due === undefined || !(await claimReminder(trx, invitation.id, seen, next))) return false;
  // An inviter who has since left is not reminded; the reminder is still spent.
  if (!(await findMembership(trx, invitation.orgId, invitation.invitedBy))) return true;
  await new NotificationBatch(invitation.orgId, now)
    .toPerson(invitation.invitedBy, {
      kind: 'invitation_reminder',
      orgName: invitation.orgName,
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      which: due.which,
      expiresAt: invitation.expiresAt,
    })
    .write(trx, platforms);
  return true;
}
