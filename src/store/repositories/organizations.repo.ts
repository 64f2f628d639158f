import type { Platform } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { prepared } from './prepared.ts';

export interface BoundOrganization {
  readonly orgId: string;
  readonly orgName: string;
  readonly memberLimit: number;
  readonly channelId: string | null;
}

const selectOrgByBinding = prepared((db, v: { platform: Platform; workspaceId: string }) =>
  db
    .selectFrom('bindings')
    .innerJoin('organizations', 'organizations.id', 'bindings.org_id')
    .select(['organizations.id', 'organizations.name', 'organizations.member_limit', 'bindings.channel_id'])
    .where('bindings.platform', '=', v.platform)
    .where('bindings.workspace_id', '=', v.workspaceId),
);

export async function findOrgByBinding(
  db: Executor,
  platform: Platform,
  workspaceId: string,
): Promise<BoundOrganization | undefined> {
  const [row] = (await selectOrgByBinding(db, { platform, workspaceId })).rows;
  return row && { orgId: row.id, orgName: row.name, memberLimit: row.member_limit, channelId: row.channel_id };
}

export async function findOrgById(db: Executor, orgId: string): Promise<{ name: string } | undefined> {
  return db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
}

/**
 * Serializes every writer of one organization: on PostgreSQL it takes the row lock until commit,
 * on SQLite it takes the database write lock at the start of the transaction (no lock upgrade to fail).
 */
export async function lockOrg(db: Executor, orgId: string): Promise<{ name: string; memberLimit: number } | undefined> {
  const [row] = (await bumpOrgVersion(db, { orgId })).rows;
  return row && { name: row.name, memberLimit: row.member_limit };
}

const bumpOrgVersion = prepared((db, v: { orgId: string }) =>
  db
    .updateTable('organizations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', v.orgId)
    .returning(['name', 'member_limit']),
);

/**
 * Locks the organization a workspace is bound to, as lockOrg does, and reads it in the same
 * statement: a write command finds and locks its organization with one statement, not two.
 */
export async function lockBoundOrg(
  db: Executor,
  platform: Platform,
  workspaceId: string,
): Promise<BoundOrganization | undefined> {
  const [row] = (await bumpBoundOrgVersion(db, { platform, workspaceId })).rows;
  return row && { orgId: row.id, orgName: row.name, memberLimit: row.member_limit, channelId: row.channel_id };
}

const bumpBoundOrgVersion = prepared((db, v: { platform: Platform; workspaceId: string }) => {
  const binding = db
    .selectFrom('bindings')
    .where('bindings.platform', '=', v.platform)
    .where('bindings.workspace_id', '=', v.workspaceId);
  return db
    .updateTable('organizations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', binding.select('bindings.org_id'))
    .returning(['id', 'name', 'member_limit', binding.select('bindings.channel_id').as('channel_id')]);
});

export async function insertOrg(db: Executor, org: { id: string; name: string; limit: number; now: number }) {
  await db
    .insertInto('organizations')
    .values({ id: org.id, name: org.name, member_limit: org.limit, created_at: org.now, version: 0 })
    .execute();
}

export async function insertBinding(
  db: Executor,
  binding: { platform: Platform; workspaceId: string; orgId: string; channelId: string | null },
) {
  await db
    .insertInto('bindings')
    .values({
      platform: binding.platform,
      workspace_id: binding.workspaceId,
      org_id: binding.orgId,
      channel_id: binding.channelId,
    })
    .execute();
}

export async function setBindingChannel(db: Executor, platform: Platform, workspaceId: string, channelId: string) {
  await db
    .updateTable('bindings')
    .set({ channel_id: channelId })
    .where('platform', '=', platform)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Where an organization lives on one platform. */
export interface Binding {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string | null;
}

function toBinding(row: { platform: Platform; workspace_id: string; channel_id: string | null }): Binding {
  return { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id };
}

const selectBindings = prepared((db, v: { orgId: string }) =>
  db
    .selectFrom('bindings')
    .select(['platform', 'workspace_id', 'channel_id'])
    .where('org_id', '=', v.orgId)
    .orderBy('platform'),
);

export async function listBindings(db: Executor, orgId: string): Promise<Binding[]> {
  return (await selectBindings(db, { orgId })).rows.map(toBinding);
}

/** The bindings of several organizations in one query, each organization's by platform. */
export async function listBindingsOf(db: Executor, orgIds: readonly string[]): Promise<Map<string, Binding[]>> {
  const byOrg = new Map<string, Binding[]>();
  if (orgIds.length === 0) return byOrg;
  const rows = await db
    .selectFrom('bindings')
    .select(['org_id', 'platform', 'workspace_id', 'channel_id'])
    .where('org_id', 'in', orgIds)
    .orderBy('platform')
    .execute();
  for (const row of rows) byOrg.set(row.org_id, [...(byOrg.get(row.org_id) ?? []), toBinding(row)]);
  return byOrg;
}

/** The organization a workspace is bound to, by id, bound or not. */
export async function findBoundOrgId(db: Executor, platform: Platform, workspaceId: string) {
  const row = await db
    .selectFrom('bindings')
    .select('org_id')
    .where('platform', '=', platform)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.org_id;
}

export interface OrganizationSummary {
  readonly id: string;
  readonly name: string;
  readonly memberLimit: number;
  readonly members: number;
  readonly bindings: readonly Binding[];
}

/** Every organization, oldest first, with its member count and bindings (three queries, whatever the count). */
export async function listOrganizations(db: Executor): Promise<OrganizationSummary[]> {
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'member_limit'])
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const counts = await db
    .selectFrom('memberships')
    .select(['org_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('org_id')
    .execute();
  const bindings = await db.selectFrom('bindings').selectAll().orderBy('platform').execute();
  // PostgreSQL returns count(*) as a string (bigint): Number() reads both dialects.
  const members = new Map(counts.map((c) => [c.org_id, Number(c.n)]));
  return orgs.map((org) => ({
    id: org.id,
    name: org.name,
    memberLimit: org.member_limit,
    members: members.get(org.id) ?? 0,
    bindings: bindings.filter((b) => b.org_id === org.id).map(toBinding),
  }));
}

/** Frees a workspace from its organization (linking it to another one, SPEC §12); the organization stays. */
export async function deleteBinding(db: Executor, platform: Platform, workspaceId: string) {
  await db.deleteFrom('bindings').where('platform', '=', platform).where('workspace_id', '=', workspaceId).execute();
}
