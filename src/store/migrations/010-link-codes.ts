import type { Kysely } from 'kysely';

/**
 * SPEC §12 "one organization, two platforms": the code an owner shows to bind a second platform's
 * workspace. One live code per organization (the key), so a new code replaces the old; only its
 * hash is stored, as for invitation codes; redeeming deletes it, so it works once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('link_codes')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('link_codes').ifExists().execute();
}
