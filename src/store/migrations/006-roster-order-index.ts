import type { Kysely } from 'kysely';

/**
 * `list` reads an organization's roster in joining order: with this index the rows come out of the
 * index already sorted, where the primary key (org_id, email) left a sort of every member per call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('memberships_roster')
    .on('memberships')
    .columns(['org_id', 'joined_at', 'email'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('memberships_roster').ifExists().execute();
}
