import { type Selectable, sql } from 'kysely';
import type { RequestAsk, RequestPurpose, RequestState } from '../../core/model.ts';
import type { Database } from '../schema.ts';
import type { Executor } from './executor.ts';

/** A request instead of a refusal (SPEC §12): who asked for what, and what became of it. */
export interface StoredRequest {
  readonly id: string;
  readonly orgId: string;
  readonly requester: string;
  readonly ask: RequestAsk;
  readonly state: RequestState;
  readonly createdAt: number;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
}

/** The ask without its purpose, as the payload column holds it. */
function payloadOf(ask: RequestAsk): string {
  const { purpose: _, ...rest } = ask;
  return JSON.stringify(rest);
}

function askOf(purpose: RequestPurpose, payload: string): RequestAsk {
  // The core wrote the payload for this purpose (insertRequest), and only the core writes it.
  return { purpose, ...JSON.parse(payload) } as RequestAsk;
}

export async function insertRequest(
  db: Executor,
  row: { id: string; orgId: string; requester: string; ask: RequestAsk; state: 'offered' | 'open'; now: number },
): Promise<void> {
  await db
    .insertInto('requests')
    .values({
      id: row.id,
      org_id: row.orgId,
      requester: row.requester,
      purpose: row.ask.purpose,
      payload: payloadOf(row.ask),
      state: row.state,
      created_at: row.now,
      decided_by: null,
      decided_at: null,
    })
    .execute();
}

export async function findRequest(db: Executor, id: string): Promise<StoredRequest | undefined> {
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && storedRequest(row);
}

function storedRequest(row: Selectable<Database['requests']>): StoredRequest {
  return {
    id: row.id,
    orgId: row.org_id,
    requester: row.requester,
    ask: askOf(row.purpose, row.payload),
    state: row.state,
    createdAt: Number(row.created_at),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
  };
}

/**
 * The organization's open requests made after `openedAfter` (older ones lapse at the next sweep),
 * oldest first; only `requester`'s when given. The partial index requests_one_open serves it.
 */
export async function listOpenRequests(
  db: Executor,
  query: { orgId: string; openedAfter: number; requester?: string },
): Promise<StoredRequest[]> {
  let select = db
    .selectFrom('requests')
    .selectAll()
    .where('org_id', '=', query.orgId)
    .where('state', '=', sql.lit('open'))
    .where('created_at', '>', query.openedAfter);
  if (query.requester !== undefined) select = select.where('requester', '=', query.requester);
  return (await select.orderBy('created_at').orderBy('id').execute()).map(storedRequest);
}

/** Whether this person already has an open request of this purpose (the partial unique index guards it too). */
export async function hasOpenRequest(db: Executor, orgId: string, requester: string, purpose: RequestPurpose) {
  const row = await db
    .selectFrom('requests')
    .select('id')
    .where('org_id', '=', orgId)
    .where('requester', '=', requester)
    .where('purpose', '=', purpose)
    .where('state', '=', sql.lit('open'))
    .executeTakeFirst();
  return row !== undefined;
}

/** An offered request becomes open: the Ask an owner button was clicked. False when it no longer was offered. */
export async function openOffered(db: Executor, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('requests')
    .set({ state: 'open', created_at: now })
    .where('id', '=', id)
    .where('state', '=', sql.lit('offered'))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Settles an open request; false when it was no longer open (another owner was first). */
export async function decideRequest(
  db: Executor,
  id: string,
  decision: { state: 'approved' | 'denied'; by: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('requests')
    .set({ state: decision.state, decided_by: decision.by, decided_at: decision.now })
    .where('id', '=', id)
    .where('state', '=', sql.lit('open'))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A request the sweep just lapsed, with its organization's name for the notices. */
export interface LapsedRequest {
  readonly id: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly requester: string;
  readonly ask: RequestAsk;
}

/**
 * Lapses up to `limit` open requests created at or before `openedBefore` in one statement, through
 * the partial index on open rows; the state test is re-checked per row, so each lapse is returned
 * once whatever else runs. Offers nobody clicked are dropped the same way: they were never requests.
 */
export async function lapseDue(
  db: Executor,
  due: { now: number; openedBefore: number; offeredBefore: number; limit: number; skipLocked: boolean },
): Promise<LapsedRequest[]> {
  await db
    .deleteFrom('requests')
    .where('state', '=', sql.lit('offered'))
    .where('created_at', '<=', due.offeredBefore)
    .execute();
  let pick = db
    .selectFrom('requests')
    .select('id')
    .where('state', '=', sql.lit('open'))
    .where('created_at', '<=', due.openedBefore)
    .orderBy('created_at')
    .limit(due.limit);
  if (due.skipLocked) pick = pick.forUpdate().skipLocked();
  const rows = await db
    .updateTable('requests')
    .set({ state: 'lapsed', decided_at: due.now })
    .where('id', 'in', pick)
    .where('state', '=', sql.lit('open'))
    .returning((eb) => [
      'id',
      'org_id',
      'requester',
      'purpose',
      'payload',
      'created_at',
      // A scalar subquery: SQLite's RETURNING cannot name a joined table.
      eb.selectFrom('organizations').select('name').whereRef('organizations.id', '=', 'requests.org_id').as('org_name'),
    ])
    .execute();
  return rows
    .sort((a, b) => Number(a.created_at) - Number(b.created_at) || a.id.localeCompare(b.id))
    .map((row) => ({
      id: row.id,
      orgId: row.org_id,
      orgName: row.org_name ?? '',
      requester: row.requester,
      ask: askOf(row.purpose, row.payload),
    }));
}
