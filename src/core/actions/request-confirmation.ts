import { insertPendingAction } from '../../store/repositories/pending-actions.repo.ts';
import { readAsMember } from '../access.ts';
import type { PendingConfirmation } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';
import { newActionId } from '../secret-codes.ts';
import { type ActionRequest, checkAction, type StoredAction } from './confirmable-checks.ts';

export const CONFIRMATION_TTL_MS = 15 * 60_000;

/** Checks the action now and stores it as pending; the returned id is all a confirm button carries. */
export async function requestConfirmation(
  deps: CoreDeps,
  caller: Caller,
  request: ActionRequest,
): Promise<Result<PendingConfirmation>> {
  const db = deps.store.db;
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  const now = deps.clock();
  const action = await checkAction(db, member.value, request, now);
  if (!action.ok) return action;
  const actionId = newActionId();
  await insertPendingAction(db, {
    id: actionId,
    orgId: member.value.org.orgId,
    requestedBy: member.value.email,
    action: JSON.stringify({ request, description: action.value } satisfies StoredAction),
    now,
  });
  return ok({ actionId, expiresAt: now + CONFIRMATION_TTL_MS, action: action.value });
}
