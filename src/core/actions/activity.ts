import { activityPage, countActivity } from '../../store/repositories/activity.repo.ts';
import { readAsMember } from '../access.ts';
import type { ActivityPage } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { err, ok, type Result } from '../result.ts';

export const ACTIVITY_PAGE_SIZE = 10;

function parsePage(input: string | number | undefined): number | undefined {
  if (input === undefined) return 1;
  const page = typeof input === 'number' ? input : /^\d+$/.test(input.trim()) ? Number(input.trim()) : Number.NaN;
  return Number.isSafeInteger(page) && page >= 1 ? page : undefined;
}

/** The most recent changes, newest first, a page at a time (owners only). */
export async function activity(
  deps: CoreDeps,
  caller: Caller,
  input: { page?: string | number },
): Promise<Result<ActivityPage>> {
  const db = deps.store.db;
  const member = await readAsMember(deps, caller, { ownerOnly: true });
  if (!member.ok) return member;
  const page = parsePage(input.page);
  if (page === undefined) return err({ code: 'invalid_page', input: String(input.page) });
  const { orgId } = member.value.org;
  const total = await countActivity(db, orgId);
  const rows = await activityPage(db, orgId, (page - 1) * ACTIVITY_PAGE_SIZE, ACTIVITY_PAGE_SIZE);
  return ok({
    page,
    pageCount: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    entries: rows.map(({ at, actor, action, subject, details }) => ({ at, actor, action, subject, details })),
  });
}
