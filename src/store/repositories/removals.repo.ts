import type { Role } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { insertRow } from './insert-rows.ts';
import type { MembershipTerm } from './memberships.repo.ts';

/** A removal its owner may undo: the membership as it was, who removed it and when. */
export interface Removal {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: number;
  readonly term: MembershipTerm | null;
  readonly removedBy: string;
  readonly removedAt: number;
  readonly undoneAt: number | null;
}

export async function insertRemoval(db: Executor, removal: Omit<Removal, 'undoneAt'>) {
  await insertRow(db, 'removals', {
    id: removal.id,
    org_id: removal.orgId,
    email: removal.email,
    role: removal.role,
    joined_at: removal.joinedAt,
    ends_at: removal.term?.endsAt ?? null,
    duration_ms: removal.term?.durationMs ?? null,
    notice_at: removal.term?.noticeAt ?? null,
    invited_by: removal.term?.invitedBy ?? null,
    removed_by: removal.removedBy,
    removed_at: removal.removedAt,
    undone_at: null,
  });
}

export async function findRemoval(db: Executor, id: string): Promise<Removal | undefined> {
  const row = await db.selectFrom('removals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const term =
    row.ends_at === null || row.duration_ms === null
      ? null
      : { endsAt: row.ends_at, durationMs: row.duration_ms, noticeAt: row.notice_at, invitedBy: row.invited_by };
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    role: row.role,
    joinedAt: row.joined_at,
    term,
    removedBy: row.removed_by,
    removedAt: row.removed_at,
    undoneAt: row.undone_at,
  };
}

/** Marks a removal undone; false when it already was (a second click). */
export async function markUndone(db: Executor, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('removals')
    .set({ undone_at: now })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
