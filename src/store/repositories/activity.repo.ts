import type { ActivityAction } from '../../core/model.ts';
import type { Executor } from './executor.ts';

export interface NewActivity {
  readonly orgId: string;
  readonly at: number;
  readonly actor: string;
  readonly action: ActivityAction;
  readonly subject: string | null;
  readonly details?: Readonly<Record<string, string>>;
}

export async function recordActivity(db: Executor, entry: NewActivity) {
  await db
    .insertInto('activity')
    .values({
      org_id: entry.orgId,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function countActivity(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first. */
export function activityPage(db: Executor, orgId: string, offset: number, limit: number) {
  return db
    .selectFrom('activity')
    .select(['at', 'actor', 'action', 'subject', 'details'])
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}
