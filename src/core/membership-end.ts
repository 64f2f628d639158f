import { recordActivity } from '../store/repositories/activity.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { claimNotice, type DueMembership, deleteEnded } from '../store/repositories/membership-terms.repo.ts';
import { findMembership, listOwners } from '../store/repositories/memberships.repo.ts';
import { findOrgById, lockOrg } from '../store/repositories/organizations.repo.ts';
import { NotificationBatch } from './notification-batch.ts';
import type { PlatformDirectory } from './platform-facts.ts';

/**
 * Tells the inviter (while still a member) and the owners that a time-limited membership ends soon,
 * with Extend and Let it end. Returns false when another process or an extension moved it first.
 */
export async function sendEndingNotice(
  trx: Executor,
  due: DueMembership,
  platforms: PlatformDirectory,
  now: number,
): Promise<boolean> {
  const { term } = due;
  if (term === null || term.noticeAt === null || !(await claimNotice(trx, due.orgId, due.email, term.noticeAt)))
    return false;
  const org = await findOrgById(trx, due.orgId);
  if (!org) return true;
  const audience = new Set(await listOwners(trx, due.orgId));
  if (term.invitedBy !== null && (await findMembership(trx, due.orgId, term.invitedBy))) audience.add(term.invitedBy);
  audience.delete(due.email);
  const event = {
    kind: 'membership_ending',
    orgName: org.name,
    email: due.email,
    role: due.role,
    endsAt: term.endsAt,
    durationMs: term.durationMs,
  } as const;
  const batch = new NotificationBatch(due.orgId, now);
  for (const email of audience) batch.toPerson(email, event);
  await batch.write(trx, platforms);
  return true;
}

/**
 * Removes a member whose time ran out, as a removal is done: under the organization lock, with the
 * channel's and the person's notices and the activity (by `system`). Returns false when it was
 * extended or ended by another process first, so each end is handled once.
 */
export async function endMembership(
  trx: Executor,
  due: DueMembership,
  platforms: PlatformDirectory,
  now: number,
): Promise<boolean> {
  if (due.term === null) return false;
  const org = await lockOrg(trx, due.orgId);
  if (!org || !(await deleteEnded(trx, due.orgId, due.email, due.term.endsAt))) return false;
  const event = { kind: 'membership_ended', orgName: org.name, email: due.email, role: due.role } as const;
  await new NotificationBatch(due.orgId, now).toChannels(event).toPerson(due.email, event).write(trx, platforms);
  await recordActivity(trx, {
    orgId: due.orgId,
    at: now,
    actor: 'system',
    action: 'member_removed',
    subject: due.email,
    details: { role: due.role, reason: 'membership ended' },
  });
  return true;
}
