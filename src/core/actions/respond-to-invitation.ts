import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { findLinkedEmail, linkIdentity } from '../../store/repositories/identities.repo.ts';
import { findInvitationById, type Invitation, resolveInvitation } from '../../store/repositories/invitations.repo.ts';
import { findMembership, insertMembership, type MembershipTerm } from '../../store/repositories/memberships.repo.ts';
import { lockOrg } from '../../store/repositories/organizations.repo.ts';
import { identityWorkspace } from '../access.ts';
import type { AcceptOutcome, DeclineOutcome, InvitationRef } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { err, ok, type Result } from '../result.ts';
import { noticeAt } from '../term.ts';
import { inTransaction } from '../transaction.ts';
import { findInvitationFor } from './find-invitation.ts';

export type Answer = 'accepted' | 'declined';

/** Runs inside the answer's transaction before an accept is written; a refusal rolls the answer back. */
export type BeforeAccept = (trx: Executor, invitation: Invitation, now: number) => Promise<Result<null>>;

/** A time-limited invitation's membership ends its term after the moment it is accepted. */
function termFrom(invitation: Invitation, now: number): MembershipTerm | null {
  if (invitation.durationMs === null) return null;
  const endsAt = now + invitation.durationMs;
  const durationMs = invitation.durationMs;
  return { endsAt, durationMs, noticeAt: noticeAt(endsAt, durationMs), invitedBy: invitation.invitedBy };
}

async function respond(deps: CoreDeps, caller: Caller, ref: InvitationRef, answer: Answer) {
  const found = await findInvitationFor(deps, deps.store.db, caller, ref);
  if (!found.ok) return found;
  const { invitation: seen, link } = found.value;
  const linkAccount: BeforeAccept | undefined = link
    ? (trx, invitation, now) => linkCaller(deps, trx, caller, invitation.email, now)
    : undefined;
  return answerInvitation(deps, seen, answer, linkAccount);
}

/**
 * Under the organization lock: still pending, and its time not run out at this very moment. The
 * one place an invitation is answered, from a chat button, a typed code or the invitation page.
 */
export async function answerInvitation(
  deps: CoreDeps,
  seen: Invitation,
  answer: Answer,
  beforeAccept?: BeforeAccept,
): Promise<Result<AcceptOutcome>> {
  return inTransaction(deps.store, async (trx) => {
    const org = await lockOrg(trx, seen.orgId);
    const invitation = await findInvitationById(trx, seen.id);
    if (!org || !invitation) return err({ code: 'invalid_code' });
    if (invitation.state !== 'pending') return err({ code: 'invitation_not_pending', state: invitation.state });
    const now = deps.clock();
    if (invitation.expiresAt <= now) return err({ code: 'invitation_expired' });
    if (beforeAccept && answer === 'accepted') {
      const checked = await beforeAccept(trx, invitation, now);
      if (!checked.ok) return checked;
    }
    const { orgId, email, role } = invitation;
    await resolveInvitation(trx, invitation.id, answer, now);
    const batch = new NotificationBatch(orgId, now);
    if (answer === 'accepted') {
      if (await findMembership(trx, orgId, email)) return err({ code: 'already_member' });
      await insertMembership(trx, { orgId, email, role, now, term: termFrom(invitation, now) });
      const event = { kind: 'invitation_accepted', orgName: org.name, email, role } as const;
      batch.toCardsOrChannels(invitation.id, email, 'accepted', event);
    } else {
      const event = { kind: 'invitation_declined', orgName: org.name, email } as const;
      batch.toCardsOrChannels(invitation.id, email, 'declined', event).toPerson(invitation.invitedBy, event);
    }
    await batch.write(trx, deps.settings.platforms);
    const action = answer === 'accepted' ? 'invitation_accepted' : 'invitation_declined';
    await recordActivity(trx, { orgId, at: now, actor: email, action, subject: email, details: { role } });
    return ok({ orgName: org.name, email, role });
  });
}

async function linkCaller(
  deps: CoreDeps,
  trx: Executor,
  caller: Caller,
  email: string,
  now: number,
): Promise<Result<null>> {
  const workspaceId = identityWorkspace(deps, caller);
  const linked = await findLinkedEmail(trx, caller.platform, workspaceId, caller.userId);
  if (linked !== undefined && linked !== email) return err({ code: 'identity_conflict', linkedEmail: linked });
  await linkIdentity(trx, { platform: caller.platform, workspaceId, userId: caller.userId, email, now });
  return ok(null);
}

export function accept(deps: CoreDeps, caller: Caller, ref: InvitationRef): Promise<Result<AcceptOutcome>> {
  return respond(deps, caller, ref, 'accepted');
}

export async function decline(deps: CoreDeps, caller: Caller, ref: InvitationRef): Promise<Result<DeclineOutcome>> {
  const result = await respond(deps, caller, ref, 'declined');
  return result.ok ? ok({ orgName: result.value.orgName, email: result.value.email }) : result;
}
