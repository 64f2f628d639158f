import { randomUUID } from 'node:crypto';
import { recordActivity } from '../../store/repositories/activity.repo.ts';
import type { Executor } from '../../store/repositories/executor.ts';
import { findPending } from '../../store/repositories/invitations.repo.ts';
import { findMembership, insertMembership } from '../../store/repositories/memberships.repo.ts';
import { findRemoval, insertRemoval, markUndone } from '../../store/repositories/removals.repo.ts';
import { writeAsMember } from '../access.ts';
import type { UndoHandle, UndoOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import { MINUTE } from '../clock.ts';
import type { CoreDeps } from '../deps.ts';
import { NotificationBatch } from '../notification-batch.ts';
import { err, ok, type Result } from '../result.ts';
import { expireOverdue, seatsLeft } from './invite.ts';

export const UNDO_TTL_MS = 10 * MINUTE;

/** Keeps the membership about to be removed, so its owner can put it back as it was. */
export async function keepForUndo(
  trx: Executor,
  orgId: string,
  email: string,
  removedBy: string,
  now: number,
): Promise<UndoHandle | undefined> {
  const membership = await findMembership(trx, orgId, email);
  if (!membership) return undefined;
  const id = randomUUID();
  const { role, joinedAt, term } = membership;
  await insertRemoval(trx, { id, orgId, email, role, joinedAt, term, removedBy, removedAt: now });
  return { undoId: id, expiresAt: now + UNDO_TTL_MS };
}

/**
 * Restores a removed membership with its role, join date and end, under the organization lock:
 * only the owner who removed, within ten minutes, once, and only while a seat is free.
 */
export async function undoRemoval(
  deps: CoreDeps,
  caller: Caller,
  input: { undoId: string },
): Promise<Result<UndoOutcome>> {
  return writeAsMember(deps, caller, { ownerOnly: true }, async (trx, member) => {
    const removal = await findRemoval(trx, input.undoId);
    const { orgId, orgName, memberLimit } = member.org;
    if (!removal || removal.orgId !== orgId) return err({ code: 'undo_not_found' });
    if (removal.removedBy !== member.email) return err({ code: 'undo_not_yours' });
    if (removal.undoneAt !== null) return err({ code: 'undo_already_used' });
    const now = deps.clock();
    if (now - removal.removedAt >= UNDO_TTL_MS) return err({ code: 'undo_expired' });
    const { email, role, joinedAt, term } = removal;
    if (await findMembership(trx, orgId, email)) return err({ code: 'already_member' });
    await expireOverdue(deps, trx, member, now);
    // Restoring beside a live invitation would make them member and invitee at once.
    if (await findPending(trx, orgId, email)) return err({ code: 'invitation_pending', email });
    const left = await seatsLeft(trx, member);
    if (left < 1) return err({ code: 'over_capacity', seatsLeft: left, requested: 1, limit: memberLimit });
    if (!(await markUndone(trx, removal.id, now))) return err({ code: 'undo_already_used' });

    await insertMembership(trx, { orgId, email, role, now: joinedAt, term });
    const event = { kind: 'removal_undone', orgName, email, role, by: member.email } as const;
    await new NotificationBatch(orgId, now)
      .toChannels(event)
      .toPerson(email, event)
      .write(trx, deps.settings.platforms);
    await recordActivity(trx, {
      orgId,
      at: now,
      actor: member.email,
      action: 'removal_undone',
      subject: email,
      details: term === null ? { role } : { role, endsAt: String(term.endsAt) },
    });
    return ok({ email, role, ...(term === null ? {} : { endsAt: term.endsAt }) });
  });
}
