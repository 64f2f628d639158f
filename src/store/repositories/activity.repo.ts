import { ACTIVITY_ACTIONS, type ActivityAction } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { insertRows } from './insert-rows.ts';

export interface NewActivity {
  readonly orgId: string;
  readonly at: number;
  readonly actor: string;
  readonly action: ActivityAction;
  readonly subject: string | null;
  readonly details?: Readonly<Record<string, string>>;
}

/** One stored change; `seq` orders an organization's activity as it was written. */
export interface ActivityRecord {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: ActivityAction;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string>>;
}

export async function recordActivity(db: Executor, entry: NewActivity) {
  await recordActivities(db, [entry]);
}

/**
 * Transactions that recorded activity, with its organizations: every change is recorded, so the
 * core's post-commit hook learns from this which organizations changed (open Homes republish).
 */
const recordedIn = new WeakMap<Executor, Set<string>>();

/** The organizations this transaction recorded activity for; empty when it recorded none. */
export function recordedActivity(trx: Executor): readonly string[] {
  return [...(recordedIn.get(trx) ?? [])];
}

/** Many entries in one statement (the sweep's batch), in the order given; one through a prepared statement. */
export async function recordActivities(db: Executor, entries: readonly NewActivity[]) {
  if (entries.length === 0) return;
  const orgIds = recordedIn.get(db) ?? new Set<string>();
  for (const entry of entries) orgIds.add(entry.orgId);
  recordedIn.set(db, orgIds);
  // One row (a command) or a thousand (a sweep batch): the same statement text per row count, built once.
  await insertRows(db, 'activity', ['org_id', 'at', 'actor', 'action', 'subject', 'details'], entries.map(activityRow));
}

function activityRow(entry: NewActivity) {
  return {
    org_id: entry.orgId,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(entry.details ?? {}),
  };
}

export async function countActivity(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function isAction(value: string): value is ActivityAction {
  return (ACTIVITY_ACTIONS as readonly string[]).includes(value);
}

function parseDetails(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

type ActivityRow = { seq: number; at: number; actor: string; action: string; subject: string | null; details: string };

/** Rows of an action this version does not know (written by a newer one) are left out. */
function toRecords(rows: readonly ActivityRow[]): ActivityRecord[] {
  return rows.flatMap(({ action, ...row }) =>
    isAction(action)
      ? [{ ...row, seq: Number(row.seq), at: Number(row.at), action, details: parseDetails(row.details) }]
      : [],
  );
}

/** Newest first, a page at a time. */
export async function activityPage(
  db: Executor,
  orgId: string,
  offset: number,
  limit: number,
): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('activity')
    .select(['seq', 'at', 'actor', 'action', 'subject', 'details'])
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return toRecords(rows);
}

/** The whole activity of an organization, oldest first. */
export async function allActivity(db: Executor, orgId: string): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('activity')
    .select(['seq', 'at', 'actor', 'action', 'subject', 'details'])
    .where('org_id', '=', orgId)
    .orderBy('seq')
    .execute();
  return toRecords(rows);
}
