import { randomUUID } from 'node:crypto';
import type { Platform } from '../core/index.ts';
import type { Store } from '../store/connect.ts';
import { CliFailure } from './cli-io.ts';

/** Who the activity log names for break-glass changes made from this CLI. */
export const CLI_ACTOR = 'cli';

export interface OrgSummary {
  readonly id: string;
  readonly name: string;
  readonly limit: number;
  readonly members: number;
  readonly bindings: readonly { platform: Platform; workspaceId: string; channelId: string | null }[];
}

export async function createOrg(store: Store, now: number, input: { name: string; limit: number }): Promise<string> {
  const id = randomUUID();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({ id, name: input.name, member_limit: input.limit, created_at: now, version: 0 })
      .execute();
    await trx
      .insertInto('activity')
      .values({
        org_id: id,
        at: now,
        actor: CLI_ACTOR,
        action: 'org_created',
        subject: null,
        details: JSON.stringify({ name: input.name }),
      })
      .execute();
  });
  return id;
}

/**
 * Binds an organization to a workspace (SPEC §1: one Slack workspace and/or one Discord server).
 * Binding it again to the same workspace is a no-op; taking another organization's workspace, or
 * a second workspace on one platform, is refused.
 */
export async function bindOrg(
  store: Store,
  input: { orgId: string; platform: Platform; workspaceId: string },
): Promise<'bound' | 'already_bound'> {
  return store.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organizations').select('name').where('id', '=', input.orgId).executeTakeFirst();
    if (!org) throw new CliFailure(`No organization with id ${input.orgId}.`);
    const taken = await trx
      .selectFrom('bindings')
      .select('org_id')
      .where('platform', '=', input.platform)
      .where('workspace_id', '=', input.workspaceId)
      .executeTakeFirst();
    if (taken?.org_id === input.orgId) return 'already_bound';
    if (taken)
      throw new CliFailure(`${input.platform} ${input.workspaceId} is already bound to organization ${taken.org_id}.`);
    const other = await trx
      .selectFrom('bindings')
      .select('workspace_id')
      .where('org_id', '=', input.orgId)
      .where('platform', '=', input.platform)
      .executeTakeFirst();
    if (other) throw new CliFailure(`${org.name} is already bound to ${input.platform} ${other.workspace_id}.`);
    await trx
      .insertInto('bindings')
      .values({ platform: input.platform, workspace_id: input.workspaceId, org_id: input.orgId, channel_id: null })
      .execute();
    return 'bound';
  });
}

export async function listOrgs(store: Store): Promise<OrgSummary[]> {
  return store.db.transaction().execute(async (trx) => {
    const orgs = await trx
      .selectFrom('organizations')
      .select(['id', 'name', 'member_limit'])
      .orderBy('created_at')
      .orderBy('name')
      .execute();
    const counts = await trx
      .selectFrom('memberships')
      .select(['org_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('org_id')
      .execute();
    const bindings = await trx.selectFrom('bindings').selectAll().orderBy('platform').execute();
    // PostgreSQL returns count(*) as a string (bigint): Number() reads both dialects.
    const members = new Map(counts.map((c) => [c.org_id, Number(c.n)]));
    return orgs.map((org) => ({
      id: org.id,
      name: org.name,
      limit: org.member_limit,
      members: members.get(org.id) ?? 0,
      bindings: bindings
        .filter((b) => b.org_id === org.id)
        .map((b) => ({ platform: b.platform, workspaceId: b.workspace_id, channelId: b.channel_id })),
    }));
  });
}
