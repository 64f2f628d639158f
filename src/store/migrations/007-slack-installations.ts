import type { Kysely } from 'kysely';

/**
 * One row per Slack workspace that installed Rollcall through OAuth (SPEC §8 "Slack, many
 * workspaces"). `bot_token` holds the token as sealed by the caller (encrypted when
 * ROLLCALL_SECRET_KEY is set). Uninstalling deletes the row; the organization bound to the
 * workspace stays, so `rollcall org` still reaches it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('slack_installations')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('team_name', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('app_id', 'text')
    .addColumn('bot_token', 'text', (c) => c.notNull())
    .addColumn('bot_user_id', 'text', (c) => c.notNull())
    .addColumn('bot_id', 'text')
    .addColumn('bot_scopes', 'text', (c) => c.notNull())
    .addColumn('installer_user_id', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('slack_installations').ifExists().execute();
}
