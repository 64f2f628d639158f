import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The database refuses a role or state the model does not know, whatever code writes it (the
 * `__proto__` role of issue 8 reached PostgreSQL as '{}'). The values are written out here, not
 * imported: a migration is history, and a new role or state needs a new migration.
 */
const GUARDS = [
  { table: 'memberships', column: 'role', values: ['owner', 'billing_admin', 'member'] },
  { table: 'invitations', column: 'role', values: ['owner', 'billing_admin', 'member'] },
  { table: 'invitations', column: 'state', values: ['pending', 'accepted', 'declined', 'revoked', 'expired'] },
  { table: 'pending_actions', column: 'state', values: ['pending', 'done', 'cancelled'] },
  { table: 'outbox', column: 'state', values: ['pending', 'delivered', 'undeliverable'] },
] as const;

type Guard = (typeof GUARDS)[number];

const name = (guard: Guard) => `${guard.table}_${guard.column}_check`;
const allowed = (guard: Guard) => sql.join(guard.values.map((value) => sql.lit(value)));

/**
 * PostgreSQL: a CHECK constraint. SQLite cannot add one to an existing table; rebuilding the
 * table would have to restate every column and index, including those later migrations add
 * (002 adds an outbox index), so SQLite gets triggers that abort the same writes instead: no data
 * is copied, nothing else about the table changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // A role no code can read would stop the migration; the least privilege is the safe reading.
  for (const table of ['memberships', 'invitations'] as const) {
    await sql`update ${sql.table(table)} set role = 'member' where role not in ('owner', 'billing_admin', 'member')`.execute(
      db,
    );
  }
  for (const guard of GUARDS) {
    const column = sql.ref(guard.column);
    const table = sql.table(guard.table);
    if (postgres) {
      await sql`alter table ${table} add constraint ${sql.id(name(guard))} check (${column} in (${allowed(guard)}))`.execute(
        db,
      );
      continue;
    }
    // SQLite's own wording for a failed CHECK, so both databases refuse alike.
    const refuse = sql.lit(`CHECK constraint failed: ${name(guard)}`);
    for (const [event, suffix] of [
      [sql`insert`, 'insert'],
      [sql`update of ${column}`, 'update'],
    ] as const) {
      await sql`create trigger ${sql.id(`${name(guard)}_${suffix}`)} before ${event} on ${table}
        when new.${column} not in (${allowed(guard)})
        begin select raise(abort, ${refuse}); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const guard of GUARDS) {
    if (postgres) {
      await sql`alter table ${sql.table(guard.table)} drop constraint if exists ${sql.id(name(guard))}`.execute(db);
      continue;
    }
    for (const suffix of ['insert', 'update']) {
      await sql`drop trigger if exists ${sql.id(`${name(guard)}_${suffix}`)}`.execute(db);
    }
  }
}
