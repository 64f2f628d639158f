import { type Kysely, sql } from 'kysely';

/**
 * SPEC §12, requests instead of refusals and domain policy. The states and purposes are written
 * out here, not imported: a migration is history (as 003 explains). A new table states its CHECK
 * constraints inline, which both SQLite and PostgreSQL accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('role', 'invite')`))
    // The change asked for, as JSON the core wrote: `{ role }` or `{ emails, role, reason }`.
    .addColumn('payload', 'text', (c) => c.notNull())
    // `offered`: an Ask an owner button not clicked yet, visible to nobody but its author.
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('offered', 'open', 'approved', 'denied', 'lapsed')`),
    )
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .execute();
  // One open request per person and purpose (SPEC §12): the database refuses a second, whatever races.
  await sql`create unique index requests_one_open on requests (org_id, requester, purpose) where state = 'open'`.execute(
    db,
  );
  // The sweep reads only open requests, oldest first, to lapse them after 7 days.
  await sql`create index requests_open_age on requests (created_at) where state in ('open', 'offered')`.execute(db);

  await db.schema
    .createTable('org_domains')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_domains_pkey', ['org_id', 'domain'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('org_domains').ifExists().execute();
  await sql`drop index if exists requests_open_age`.execute(db);
  await sql`drop index if exists requests_one_open`.execute(db);
  await db.schema.dropTable('requests').ifExists().execute();
}
