import type { Executor } from './executor.ts';
import { prepared } from './prepared.ts';

/** The organization's domain list (SPEC §12 domain policy), sorted; empty means no policy. */
const selectDomains = prepared((db, v: { orgId: string }) =>
  db.selectFrom('org_domains').select('domain').where('org_id', '=', v.orgId).orderBy('domain'),
);

export async function listDomains(db: Executor, orgId: string): Promise<string[]> {
  return (await selectDomains(db, { orgId })).rows.map((row) => row.domain);
}

/** Adds a domain; false when it was already listed. The organization is locked, so no race adds it twice. */
export async function addDomain(db: Executor, row: { orgId: string; domain: string; by: string; now: number }) {
  const existing = await db
    .selectFrom('org_domains')
    .select('domain')
    .where('org_id', '=', row.orgId)
    .where('domain', '=', row.domain)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('org_domains')
    .values({ org_id: row.orgId, domain: row.domain, added_by: row.by, added_at: row.now })
    .execute();
  return true;
}

/** Removes a domain; false when it was not listed. */
export async function removeDomain(db: Executor, orgId: string, domain: string): Promise<boolean> {
  const result = await db
    .deleteFrom('org_domains')
    .where('org_id', '=', orgId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
