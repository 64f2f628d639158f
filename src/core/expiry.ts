import { recordActivities } from '../store/repositories/activity.repo.ts';
import { cardsShowing } from '../store/repositories/cards.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { findAccountsForEmails } from '../store/repositories/identities.repo.ts';
import { expireDue } from '../store/repositories/invitation-expiry.repo.ts';
import { listBindingsOf } from '../store/repositories/organizations.repo.ts';
import { enqueueNotifications, type NewNotification } from '../store/repositories/outbox.repo.ts';
import { NotificationBatch } from './notification-batch.ts';
import type { PlatformDirectory } from './platform-facts.ts';

export interface DueSelection {
  readonly now: number;
  readonly limit: number;
  /** Only this organization's (invite expires its own before counting seats). */
  readonly orgId?: string;
  /** PostgreSQL: leave rows another sweeper holds to it. */
  readonly skipLocked: boolean;
}

/** Rows per INSERT: 1,000 outbox rows bind 12,000 values, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1_000;

/**
 * Marks a batch of overdue invitations expired, with their activity and notifications (channel, and
 * the inviter by DM), in a fixed number of statements whatever the batch's size: one UPDATE …
 * RETURNING, one lookup of bindings, one of the live cards listing them (each card gets one edit
 * for all its lines, SPEC §11), one of the inviters' accounts, one INSERT of outbox rows and one of
 * activity rows. Only rows this UPDATE moved out of Pending are returned, so each expiry is
 * handled once. Returns how many it expired.
 */
export async function expireDueInvitations(
  trx: Executor,
  platforms: PlatformDirectory,
  due: DueSelection,
): Promise<number> {
  const expired = await expireDue(trx, due);
  if (expired.length === 0) return 0;
  const bindings = await listBindingsOf(trx, [...new Set(expired.map((inv) => inv.orgId))]);
  const accounts = await findAccountsForEmails(trx, [...new Set(expired.map((inv) => inv.invitedBy))]);
  const cards = await cardsShowing(
    trx,
    expired.map((inv) => inv.id),
  );
  // One batch per organization, so each live card gets one edit for all of its lines that expired here.
  const batches = new Map<string, NotificationBatch>();
  for (const invitation of expired) {
    const event = { kind: 'invitation_expired', orgName: invitation.orgName, email: invitation.email } as const;
    const batch = batches.get(invitation.orgId) ?? new NotificationBatch(invitation.orgId, due.now);
    batches.set(invitation.orgId, batch);
    batch.toCardsOrChannels(invitation.id, invitation.email, 'expired', event).toPerson(invitation.invitedBy, event);
  }
  const notifications: NewNotification[] = [];
  for (const [orgId, batch] of batches)
    notifications.push(
      ...batch.settleEnded(cards).collect(bindings.get(orgId) ?? [], (email) => accounts.get(email) ?? [], platforms),
    );
  for (let i = 0; i < notifications.length; i += ROWS_PER_INSERT)
    await enqueueNotifications(trx, notifications.slice(i, i + ROWS_PER_INSERT));
  await recordActivities(
    trx,
    expired.map((invitation) => ({
      orgId: invitation.orgId,
      at: due.now,
      actor: 'system',
      action: 'invitation_expired' as const,
      subject: invitation.email,
      details: { role: invitation.role, invitedBy: invitation.invitedBy },
    })),
  );
  return expired.length;
}
