import type { Executor } from '../../store/repositories/executor.ts';
import { findPending } from '../../store/repositories/invitations.repo.ts';
import { countOwners, findMembership, listNonOwners } from '../../store/repositories/memberships.repo.ts';
import type { MemberContext } from '../access.ts';
import type { ConfirmableAction } from '../api.ts';
import { normalizeEmail, parseEmail } from '../email.ts';
import { err, ok, type Result } from '../result.ts';
import { parseRole } from '../roles.ts';

/**
 * The rules of each action that needs confirmation. They run when it is requested, so refusals come
 * at once, and again under the organization lock when it is confirmed, since things may have changed.
 */
export type ActionRequest =
  | { kind: 'revoke'; email: string }
  | { kind: 'role'; email: string; role: string }
  | { kind: 'remove'; email: string }
  | { kind: 'leave' }
  | { kind: 'transfer'; email: string };

/** What a pending action row holds: what to re-check and run, and what the user was shown. */
export interface StoredAction {
  readonly request: ActionRequest;
  readonly description: ConfirmableAction;
}

function targetEmail(input: string): Result<string> {
  const email = parseEmail(input);
  return email === undefined ? err({ code: 'invalid_emails', emails: [normalizeEmail(input)] }) : ok(email);
}

async function checkRevoke(
  db: Executor,
  m: MemberContext,
  input: string,
  now: number,
): Promise<Result<ConfirmableAction>> {
  const email = targetEmail(input);
  if (!email.ok) return email;
  const invitation = await findPending(db, m.org.orgId, email.value);
  if (!invitation) return err({ code: 'invitation_not_found', email: email.value });
  if (m.role !== 'owner' && invitation.invitedBy !== m.email) return err({ code: 'not_inviter', email: email.value });
  if (invitation.expiresAt <= now) return err({ code: 'invitation_expired' });
  return ok({ kind: 'revoke', email: email.value, role: invitation.role, invitedBy: invitation.invitedBy });
}

async function checkRole(
  db: Executor,
  m: MemberContext,
  input: string,
  roleInput: string,
): Promise<Result<ConfirmableAction>> {
  if (m.role !== 'owner') return err({ code: 'owner_only' });
  const email = targetEmail(input);
  if (!email.ok) return email;
  const to = parseRole(roleInput);
  if (to === undefined) return err({ code: 'invalid_role', input: roleInput });
  const target = await findMembership(db, m.org.orgId, email.value);
  if (!target) return err({ code: 'member_not_found', email: email.value });
  if (target.role === to) return err({ code: 'same_role', email: email.value, role: to });
  if (target.role === 'owner' && (await countOwners(db, m.org.orgId)) <= 1)
    return err({ code: 'last_owner', email: email.value });
  return ok({ kind: 'role', email: email.value, from: target.role, to });
}

async function checkRemove(db: Executor, m: MemberContext, input: string): Promise<Result<ConfirmableAction>> {
  if (m.role !== 'owner') return err({ code: 'owner_only' });
  const email = targetEmail(input);
  if (!email.ok) return email;
  if (email.value === m.email) return err({ code: 'use_leave' });
  const target = await findMembership(db, m.org.orgId, email.value);
  if (!target) return err({ code: 'member_not_found', email: email.value });
  if (target.role === 'owner' && (await countOwners(db, m.org.orgId)) <= 1)
    return err({ code: 'last_owner', email: email.value });
  return ok({ kind: 'remove', email: email.value, role: target.role });
}

/** Enough for Slack's 100-option select; Discord's adapter shows the first 25 and names the command. */
export const MAX_TRANSFER_CANDIDATES = 100;

async function checkLeave(db: Executor, m: MemberContext): Promise<Result<ConfirmableAction>> {
  if (m.role === 'owner' && (await countOwners(db, m.org.orgId)) <= 1) {
    // Not a bare refusal (SPEC §12): whom the owner could hand the organization to instead.
    const candidates = await listNonOwners(db, m.org.orgId, MAX_TRANSFER_CANDIDATES);
    return err({ code: 'only_owner_cannot_leave', candidates });
  }
  return ok({ kind: 'leave', email: m.email, orgName: m.org.orgName });
}

/**
 * The target becomes owner and the caller a member. Refused for an owner already: handing over to
 * them would only demote the caller, which `role` says more plainly. The owner count never drops,
 * so this needs no last-owner check; re-checked under the lock, a concurrent demotion of either
 * side makes it refuse instead.
 */
async function checkTransfer(db: Executor, m: MemberContext, input: string): Promise<Result<ConfirmableAction>> {
  if (m.role !== 'owner') return err({ code: 'owner_only' });
  const email = targetEmail(input);
  if (!email.ok) return email;
  if (email.value === m.email) return err({ code: 'transfer_to_self' });
  const target = await findMembership(db, m.org.orgId, email.value);
  if (!target) return err({ code: 'member_not_found', email: email.value });
  if (target.role === 'owner') return err({ code: 'already_owner', email: email.value });
  return ok({ kind: 'transfer', email: email.value, from: target.role, orgName: m.org.orgName });
}

export function checkAction(
  db: Executor,
  member: MemberContext,
  request: ActionRequest,
  now: number,
): Promise<Result<ConfirmableAction>> {
  switch (request.kind) {
    case 'revoke':
      return checkRevoke(db, member, request.email, now);
    case 'role':
      return checkRole(db, member, request.email, request.role);
    case 'remove':
      return checkRemove(db, member, request.email);
    case 'leave':
      return checkLeave(db, member);
    case 'transfer':
      return checkTransfer(db, member, request.email);
  }
}
