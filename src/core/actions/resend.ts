import { randomUUID } from 'node:crypto';
import { recordActivity } from '../../store/repositories/activity.repo.ts';
import { findResendable, insertInvitation, rearmInvitation } from '../../store/repositories/invitations.repo.ts';
import { findMembership } from '../../store/repositories/memberships.repo.ts';
import { writeAsMember } from '../access.ts';
import type { ResendInput, ResendOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { normalizeEmail, parseEmail } from '../email.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { err, ok, type Result } from '../result.ts';
import { RESEND_INTERVAL_MS } from '../row-rules.ts';
import { hashCode, newInvitationCode } from '../secret-codes.ts';
import { nextReminderAt } from '../term.ts';
import { seatsLeft } from './invite.ts';

/**
 * A new code (the old one stops working) and a fresh time to live. A pending invitation is re-armed
 * in place; an expired one is followed by a new pending invitation, so no invitation ever returns
 * to Pending once it has left it.
 */
export async function resend(deps: CoreDeps, caller: Caller, input: ResendInput): Promise<Result<ResendOutcome>> {
  const email = parseEmail(input.email);
  if (email === undefined) return err({ code: 'invalid_emails', emails: [normalizeEmail(input.email)] });
  return writeAsMember(deps, caller, {}, async (trx, member) => {
    const { orgId, orgName } = member.org;
    const invitation = await findResendable(trx, orgId, email);
    if (!invitation) return err({ code: 'invitation_not_found', email });
    if (member.role !== 'owner' && invitation.invitedBy !== member.email) return err({ code: 'not_inviter', email });
    const now = deps.clock();
    if (now - invitation.sentAt < RESEND_INTERVAL_MS) {
      return err({ code: 'resend_too_soon', email, retryAt: invitation.sentAt + RESEND_INTERVAL_MS });
    }
    if (await findMembership(trx, orgId, email)) return err({ code: 'already_member' });

    const code = newInvitationCode();
    const expiresAt = now + deps.settings.inviteTtlMs;
    const userId =
      input.reachableUserId ?? (invitation.target?.platform === caller.platform ? invitation.target.userId : undefined);
    const target = userId === undefined ? null : { platform: caller.platform, userId };
    // A fresh time to live brings its reminders back (SPEC §12).
    const remindAt = nextReminderAt(now, expiresAt, now);
    let invitationId = invitation.id;
    if (invitation.state === 'pending') {
      await rearmInvitation(trx, invitation.id, { codeHash: hashCode(code), now, expiresAt, target, remindAt });
    } else {
      const left = await seatsLeft(trx, member);
      if (left < 1) return err({ code: 'over_capacity', seatsLeft: left, requested: 1, limit: member.org.memberLimit });
      invitationId = randomUUID();
      await insertInvitation(trx, {
        id: invitationId,
        orgId,
        email,
        role: invitation.role,
        codeHash: hashCode(code),
        invitedBy: invitation.invitedBy,
        now,
        expiresAt,
        target,
        remindAt,
        durationMs: invitation.durationMs,
      });
    }
    const facts = { orgName, email, role: invitation.role, invitedBy: invitation.invitedBy, expiresAt };
    const offer = { kind: 'invitation_offer', invitationId, ...facts } as const;
    const batch = new NotificationBatch(orgId, now, deps.settings.sendsEmail)
      .announceCard({ kind: 'invitation_sent', ...facts }, [invitationId])
      .toMailbox(email, offer, code);
    if (target) batch.toUser(caller.platform, caller.workspaceId, target.userId, offer);
    await batch.write(trx, deps.settings.platforms);
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: member.email,
      action: 'invitation_resent',
      subject: email,
      details: { role: invitation.role },
    });
    return ok({
      email,
      role: invitation.role,
      code,
      expiresAt,
      dmSent: target !== null,
      emailed: batch.sendsEmail,
      ...(invitation.durationMs === null ? {} : { durationMs: invitation.durationMs }),
    });
  });
}
