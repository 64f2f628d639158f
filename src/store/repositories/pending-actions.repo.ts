import type { PendingActionState } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { insertRow } from './insert-rows.ts';
import { prepared } from './prepared.ts';

/** A confirmable action waiting for its button; `action` is the JSON the core stored. */
export interface PendingAction {
  readonly id: string;
  readonly orgId: string;
  readonly requestedBy: string;
  readonly action: string;
  readonly state: PendingActionState;
  readonly createdAt: number;
}

export async function insertPendingAction(
  db: Executor,
  row: { id: string; orgId: string; requestedBy: string; action: string; now: number },
) {
  await insertRow(db, 'pending_actions', {
    id: row.id,
    org_id: row.orgId,
    requested_by: row.requestedBy,
    action: row.action,
    state: 'pending',
    created_at: row.now,
    resolved_at: null,
  });
}

const selectPendingAction = prepared((db, v: { id: string }) =>
  db.selectFrom('pending_actions').selectAll().where('id', '=', v.id),
);

export async function findPendingAction(db: Executor, id: string): Promise<PendingAction | undefined> {
  const [row] = (await selectPendingAction(db, { id })).rows;
  return (
    row && {
      id: row.id,
      orgId: row.org_id,
      requestedBy: row.requested_by,
      action: row.action,
      state: row.state,
      createdAt: row.created_at,
    }
  );
}

/** Closes a pending action; false when it was no longer pending (a second click). */
export async function closePendingAction(db: Executor, id: string, state: PendingActionState, now: number) {
  return (await closePending(db, { id, state, now })).numAffectedRows === 1n;
}

const closePending = prepared((db, v: { id: string; state: PendingActionState; now: number }) =>
  db
    .updateTable('pending_actions')
    .set({ state: v.state, resolved_at: v.now })
    .where('id', '=', v.id)
    .where('state', '=', 'pending'),
);
