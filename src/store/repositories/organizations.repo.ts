import type { Platform } from '../../core/model.ts';
import type { Executor } from './executor.ts';

export interface BoundOrganization {
  readonly orgId: string;
  readonly orgName: string;
  readonly memberLimit: number;
  readonly channelId: string | null;
}

export async function findOrgByBinding(
  db: Executor,
  platform: Platform,
  workspaceId: string,
): Promise<BoundOrganization | undefined> {
  const row = await db
    .selectFrom('bindings')
    .innerJoin('organizations', 'organizations.id', 'bindings.org_id')
    .select(['organizations.id', 'organizations.name', 'organizations.member_limit', 'bindings.channel_id'])
    .where('bindings.platform', '=', platform)
    .where('bindings.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row && { orgId: row.id, orgName: row.name, memberLimit: row.member_limit, channelId: row.channel_id };
}

/**
 * Serializes every writer of one organization: on PostgreSQL it takes the row lock until commit,
 * on SQLite it takes the database write lock at the start of the transaction (no lock upgrade to fail).
 */
export async function lockOrg(db: Executor, orgId: string): Promise<{ name: string; memberLimit: number }> {
  const row = await db
    .updateTable('organizations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', orgId)
    .returning(['name', 'member_limit'])
    .executeTakeFirstOrThrow();
  return { name: row.name, memberLimit: row.member_limit };
}

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

export function listBindings(db: Executor, orgId: string) {
  return db
    .selectFrom('bindings')
    .select(['platform', 'workspace_id', 'channel_id'])
    .where('org_id', '=', orgId)
    .execute();
}
