import { type Kysely, sql } from 'kysely';

/** The sweep prunes delivered rows by age: an index on just those keeps its cost to the rows it deletes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index outbox_delivered on outbox (delivered_at) where state = 'delivered'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_delivered').ifExists().execute();
}
