import { type Kysely, sql } from 'kysely';

/**
 * SPEC §12, first rows: expiry reminders, time-limited membership and undoable removals.
 * Each scheduled thing has one next-due column with a partial index, so the sweep reads only
 * what is due, never what is stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('remind_at', 'bigint').execute();
  // How long the membership it offers lasts; null for a membership without an end.
  await db.schema.alterTable('invitations').addColumn('duration_ms', 'bigint').execute();
  await sql`create index invitations_remind on invitations (remind_at) where state = 'pending'`.execute(db);

  for (const column of ['ends_at', 'duration_ms', 'notice_at'] as const) {
    await db.schema.alterTable('memberships').addColumn(column, 'bigint').execute();
  }
  // Who granted a time-limited membership: they hear before it ends.
  await db.schema.alterTable('memberships').addColumn('invited_by', 'text').execute();
  await sql`create index memberships_ends on memberships (ends_at) where ends_at is not null`.execute(db);
  await sql`create index memberships_notice on memberships (notice_at) where notice_at is not null`.execute(db);

  // A removal kept for ten minutes so its owner can undo it: what to restore, and whether it was.
  await db.schema
    .createTable('removals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'billing_admin', 'member')`))
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('duration_ms', 'bigint')
    .addColumn('notice_at', 'bigint')
    .addColumn('invited_by', 'text')
    .addColumn('removed_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'bigint', (c) => c.notNull())
    .addColumn('undone_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('removals').ifExists().execute();
  await sql`drop index if exists memberships_notice`.execute(db);
  await sql`drop index if exists memberships_ends`.execute(db);
  for (const column of ['invited_by', 'notice_at', 'duration_ms', 'ends_at'] as const) {
    await db.schema.alterTable('memberships').dropColumn(column).execute();
  }
  await sql`drop index if exists invitations_remind`.execute(db);
  for (const column of ['duration_ms', 'remind_at'] as const) {
    await db.schema.alterTable('invitations').dropColumn(column).execute();
  }
}
