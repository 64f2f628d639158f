import { randomUUID } from 'node:crypto';
import { type NewActivity, recordActivities } from '../../store/repositories/activity.repo.ts';
import { listDomains } from '../../store/repositories/domains.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { hasOverdue, insertInvitations, type NewInvitation } from '../../store/repositories/invitations.repo.ts';
import { countSeatsTaken, standingAmong } from '../../store/repositories/memberships.repo.ts';
import { type MemberContext, writeAsMember } from '../access.ts';
import type { InvitedEmail, InviteInput, InviteOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { outsideDomains } from '../domain-policy.ts';
import { normalizeEmail, parseEmail } from '../email.ts';
import { expireDueInvitations } from '../expiry.ts';
import type { Role } from '../model.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { openRequest } from '../open-request.ts';
import { err, ok, type Result } from '../result.ts';
import { grantableRoles, parseRole } from '../roles.ts';
import { hashCode, newInvitationCode } from '../secret-codes.ts';
import { nextReminderAt, parseTerm } from '../term.ts';

export const MAX_EMAILS_PER_COMMAND = 100;

/** Splits, validates, normalizes and de-duplicates the raw words; any invalid one rejects them all. */
export function parseEmailList(raw: readonly string[]): Result<string[]> {
  const words = raw.flatMap((w) => w.split(/[\s,]+/)).filter((w) => w.length > 0);
  if (words.length === 0) return err({ code: 'no_emails' });
  const invalid = [...new Set(words.filter((w) => parseEmail(w) === undefined).map(normalizeEmail))];
  if (invalid.length > 0) return err({ code: 'invalid_emails', emails: invalid });
  const emails = [...new Set(words.map(normalizeEmail))];
  if (emails.length > MAX_EMAILS_PER_COMMAND) {
    return err({ code: 'too_many_emails', given: emails.length, max: MAX_EMAILS_PER_COMMAND });
  }
  return ok(emails);
}

export function roleToGrant(input: string | undefined, callerRole: Role): Result<Role> {
  const role = input === undefined ? 'member' : parseRole(input);
  if (role === undefined) return err({ code: 'invalid_role', input: input ?? '' });
  const grantable = grantableRoles(callerRole);
  return grantable.includes(role) ? ok(role) : err({ code: 'role_not_grantable', role, grantable });
}

/** Expires this organization's overdue invitations first, so seats and duplicates are counted as they really are. */
export async function expireOverdue(deps: CoreDeps, trx: Executor, member: MemberContext, now: number): Promise<void> {
  // The sweep expires them on its schedule (each minute by default), so nearly always none is
  // overdue: a look at the index costs a tenth of the expiring UPDATE … RETURNING (issue 10), which
  // runs only when there is one to expire.
  if (!(await hasOverdue(trx, member.org.orgId, now))) return;
  // The organization is locked: nobody else is adding its invitations, so one pass takes them all.
  await expireDueInvitations(trx, deps.settings.platforms, {
    now,
    limit: 10_000,
    orgId: member.org.orgId,
    skipLocked: false,
  });
}

/** The term of a time-limited membership: none when not asked for; never for owners (they could all run out). */
export function termToGrant(input: string | undefined, role: Role): Result<number | null> {
  if (input === undefined || input.trim() === '') return ok(null);
  if (role === 'owner') return err({ code: 'owner_not_time_limited' });
  return parseTerm(input);
}

export async function seatsLeft(trx: Executor, member: MemberContext): Promise<number> {
  return Math.max(0, member.org.memberLimit - (await countSeatsTaken(trx, member.org.orgId)));
}

/**
 * Invites each email not already a member or pending, in a fixed number of statements whatever the
 * count: one query for who is already there, one for the seats, then one INSERT each for the
 * invitations, their activity and their notices.
 */
export async function invite(deps: CoreDeps, caller: Caller, input: InviteInput): Promise<Result<InviteOutcome>> {
  return writeAsMember(deps, caller, {}, (trx, member) => inviteAs(deps, trx, member, caller, input));
}

/**
 * The invite of `member` in their locked transaction; an approved request runs it as the approving
 * owner. Domain policy (SPEC §12): an owner invites anyone and is told who is outside the list; a
 * non-owner's addresses outside it become one request instead of invitations.
 */
export async function inviteAs(
  deps: CoreDeps,
  trx: Executor,
  member: MemberContext,
  reach: Pick<Caller, 'platform' | 'workspaceId'>,
  input: InviteInput,
): Promise<Result<InviteOutcome>> {
  const role = roleToGrant(input.role, member.role);
  if (!role.ok) return role;
  const term = termToGrant(input.duration, role.value);
  if (!term.ok) return term;
  const emails = parseEmailList(input.emails);
  if (!emails.ok) return emails;
  const now = deps.clock();
  await expireOverdue(deps, trx, member, now);

  const { members, pending } = await standingAmong(trx, member.org.orgId, emails.value);
  const newcomers = emails.value.filter((e) => !members.has(e) && !pending.has(e));
  const outside = outsideDomains(newcomers, await listDomains(trx, member.org.orgId));
  const asked = member.role === 'owner' ? [] : outside;
  const fresh = newcomers.filter((e) => !asked.includes(e));
  const left = await seatsLeft(trx, member);
  if (fresh.length > left)
    return err({ code: 'over_capacity', seatsLeft: left, requested: fresh.length, limit: member.org.memberLimit });

  const invited: InvitedEmail[] = [];
  const rows: NewInvitation[] = [];
  const activity: NewActivity[] = [];
  const batch = new NotificationBatch(member.org.orgId, now, deps.settings.sendsEmail);
  for (const email of fresh) {
    const code = newInvitationCode();
    const id = randomUUID();
    const userId = input.reachable?.[email];
    const expiresAt = now + deps.settings.inviteTtlMs;
    const target = userId === undefined ? null : { platform: reach.platform, userId };
    rows.push({
      id,
      orgId: member.org.orgId,
      email,
      role: role.value,
      codeHash: hashCode(code),
      invitedBy: member.email,
      now,
      expiresAt,
      target,
      remindAt: nextReminderAt(now, expiresAt, now),
      durationMs: term.value,
    });
    const facts = { orgName: member.org.orgName, email, role: role.value, invitedBy: member.email, expiresAt };
    const offer = { kind: 'invitation_offer', invitationId: id, ...facts } as const;
    batch.toMailbox(email, offer, code);
    if (userId !== undefined) batch.toUser(reach.platform, reach.workspaceId, userId, offer);
    activity.push({
      orgId: member.org.orgId,
      at: now,
      actor: member.email,
      action: 'invited',
      subject: email,
      details: term.value === null ? { role: role.value } : { role: role.value, durationMs: String(term.value) },
    });
    invited.push({
      email,
      role: role.value,
      code,
      expiresAt,
      dmSent: userId !== undefined,
      emailed: batch.sendsEmail,
      ...(term.value === null ? {} : { durationMs: term.value }),
    });
  }
  await insertInvitations(trx, rows);
  await recordActivities(trx, activity);
  if (invited.length > 0) {
    const invitations = invited.map(({ email, expiresAt }) => ({ email, expiresAt }));
    const facts = { orgName: member.org.orgName, role: role.value, invitedBy: member.email };
    batch.announceCard(
      { kind: 'invitations_sent', ...facts, invitations },
      rows.map((row) => row.id),
    );
  }
  await batch.write(trx, deps.settings.platforms);
  const requested = asked.length === 0 ? undefined : await askForOutside(deps, trx, member, asked, role.value);
  if (requested !== undefined && !requested.ok) return requested;
  return ok({
    invited,
    alreadyMembers: [...members],
    alreadyPending: [...pending],
    seatsLeft: left - fresh.length,
    ...(member.role === 'owner' && outside.length > 0 ? { outsideDomains: outside } : {}),
    ...(requested === undefined ? {} : { requested: requested.value }),
  });
}

/** A non-owner's addresses outside the domain list: one request to the owners, not invitations. */
function askForOutside(deps: CoreDeps, trx: Executor, member: MemberContext, emails: string[], role: Role) {
  return openRequest(deps, trx, member, { purpose: 'invite', emails, role, reason: 'domain' });
}
