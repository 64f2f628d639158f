import type { Selectable } from 'kysely';
import type { PendingActionState } from '../../core/model.ts';
import type { PendingActionTable } from '../schema.ts';
import type { Executor } from './executor.ts';

export type PendingActionRow = Selectable<PendingActionTable>;

export async function insertPendingAction(
  db: Executor,
  row: { id: string; orgId: string; requestedBy: string; action: string; now: number },
) {
  await db
    .insertInto('pending_actions')
    .values({
      id: row.id,
      org_id: row.orgId,
      requested_by: row.requestedBy,
      action: row.action,
      state: 'pending',
      created_at: row.now,
      resolved_at: null,
    })
    .execute();
}

export function findPendingAction(db: Executor, id: string): Promise<PendingActionRow | undefined> {
  return db.selectFrom('pending_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes a pending action; false when it was no longer pending (a second click). */
export async function closePendingAction(db: Executor, id: string, state: PendingActionState, now: number) {
  const result = await db
    .updateTable('pending_actions')
    .set({ state, resolved_at: now })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
