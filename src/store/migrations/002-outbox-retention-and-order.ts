import { type Kysely, sql } from 'kysely';

/**
 * The sweep prunes delivered rows by age: an index on just those keeps its cost to the rows it
 * deletes. A claim skips rows with an older pending notice to the same destination: that probe
 * reads the second index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index outbox_delivered on outbox (delivered_at) where state = 'delivered'`.execute(db);
  await sql`create index outbox_destination_pending on outbox (platform, workspace_id, destination, created_at) where state = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_destination_pending').ifExists().execute();
  await db.schema.dropIndex('outbox_delivered').ifExists().execute();
}
