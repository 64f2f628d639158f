import type { Kysely } from 'kysely';

/**
 * An emailed invitation must carry its code, which is otherwise stored only as a hash (SPEC §4).
 * The code waits in its own column, never in the event JSON that logs and exports may show, and
 * the outbox erases it when the row is settled (delivered or undeliverable).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('secret').execute();
}
