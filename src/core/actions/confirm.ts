import { closePendingAction, findPendingAction } from '../../store/repositories/pending-actions.repo.ts';
import { callerEmail, writeAsMember } from '../access.ts';
import type { CancelledOutcome, ConfirmedOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { err, ok, type Result } from '../result.ts';
import { applyAction } from './apply-action.ts';
import { checkAction, type StoredAction } from './confirmable-checks.ts';
import { CONFIRMATION_TTL_MS } from './request-confirmation.ts';

/** Only the requester, only while pending and fresh, with every check run again under the lock; at most once. */
export async function confirm(
  deps: CoreDeps,
  caller: Caller,
  input: { actionId: string },
): Promise<Result<ConfirmedOutcome>> {
  const row = await findPendingAction(deps.store.db, input.actionId);
  if (!row) return err({ code: 'confirmation_not_found' });
  if ((await callerEmail(deps, deps.store.db, caller)) !== row.requestedBy)
    return err({ code: 'confirmation_not_yours' });
  return writeAsMember(deps, caller, {}, async (trx, member) => {
    if (member.org.orgId !== row.orgId) return err({ code: 'confirmation_not_found' });
    const now = deps.clock();
    const current = await findPendingAction(trx, input.actionId);
    if (!current) return err({ code: 'confirmation_not_found' });
    if (current.state !== 'pending') return err({ code: 'confirmation_already_used', state: current.state });
    if (now - current.createdAt >= CONFIRMATION_TTL_MS) return err({ code: 'confirmation_expired' });
    const stored = JSON.parse(current.action) as StoredAction;
    const action = await checkAction(trx, member, stored.request, now);
    if (!action.ok) return action;
    if (!(await closePendingAction(trx, current.id, 'done', now)))
      return err({ code: 'confirmation_already_used', state: 'done' });
    const undo = await applyAction(deps, trx, member, action.value, now);
    return ok({ action: action.value, ...(undo === undefined ? {} : { undo }) });
  });
}

/** The requester changes their mind: the action can no longer run. */
export async function cancel(
  deps: CoreDeps,
  caller: Caller,
  input: { actionId: string },
): Promise<Result<CancelledOutcome>> {
  const db = deps.store.db;
  const row = await findPendingAction(db, input.actionId);
  if (!row) return err({ code: 'confirmation_not_found' });
  if ((await callerEmail(deps, db, caller)) !== row.requestedBy) return err({ code: 'confirmation_not_yours' });
  if (!(await closePendingAction(db, row.id, 'cancelled', deps.clock()))) {
    return err({ code: 'confirmation_already_used', state: row.state === 'cancelled' ? 'cancelled' : 'done' });
  }
  return ok({ action: (JSON.parse(row.action) as StoredAction).description });
}
