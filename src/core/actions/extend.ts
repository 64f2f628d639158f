import { recordActivity } from '../../store/repositories/activity.repo.ts';
import { findMembership, setTerm } from '../../store/repositories/memberships.repo.ts';
import { writeAsMember } from '../access.ts';
import type { ExtendInput, ExtendOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { normalizeEmail, parseEmail } from '../email.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { err, ok, type Result } from '../result.ts';
import { noticeAt, parseTerm } from '../term.ts';

/**
 * Owners push a time-limited membership's end by a duration (by its last term when none is given,
 * as the Extend button does). The ending notice is due again before the new end.
 */
export async function extend(deps: CoreDeps, caller: Caller, input: ExtendInput): Promise<Result<ExtendOutcome>> {
  const email = parseEmail(input.email);
  if (email === undefined) return err({ code: 'invalid_emails', emails: [normalizeEmail(input.email)] });
  return writeAsMember(deps, caller, { ownerOnly: true }, async (trx, member) => {
    const { orgId, orgName } = member.org;
    const target = await findMembership(trx, orgId, email);
    if (!target) return err({ code: 'member_not_found', email });
    if (target.term === null) return err({ code: 'not_time_limited', email });
    const duration = input.duration === undefined ? ok(target.term.durationMs) : parseTerm(input.duration);
    if (!duration.ok) return duration;
    const now = deps.clock();
    const endsAt = target.term.endsAt + duration.value;
    const term = { ...target.term, endsAt, durationMs: duration.value, noticeAt: noticeAt(endsAt, duration.value) };
    await setTerm(trx, orgId, email, term);
    const event = { kind: 'membership_extended', orgName, email, endsAt, by: member.email } as const;
    await new NotificationBatch(orgId, now).toPerson(email, event).write(trx, deps.settings.platforms);
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: member.email,
      action: 'membership_extended',
      subject: email,
      details: { from: String(target.term.endsAt), to: String(endsAt) },
    });
    return ok({ email, endsAt, durationMs: duration.value });
  });
}
