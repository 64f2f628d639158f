import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Live cards (SPEC §11): a channel's announcement of invitations is edited in place as each one is
 * answered, revoked or expires. `cards` holds one announcement in one channel, with the posted
 * message once the platform named it (Slack `ts`, Discord message id); `card_lines` lists the
 * invitations it shows, so an invitation that reaches an end state finds its card(s). An outbox row
 * names the card it posts or edits (`outbox.card_id`), so a delivery can record the message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('message_ref', 'text')
    // 'live' until the platform refused the post or an edit for good (message deleted): then no more edits.
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('live'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('card_lines')
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id'))
    // The order the announcement listed its invitees in.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_lines_pk', ['card_id', 'invitation_id'])
    .execute();
  await db.schema.createIndex('card_lines_by_invitation').on('card_lines').column('invitation_id').execute();
  await db.schema.alterTable('outbox').addColumn('card_id', 'text').execute();
  await guardState(db);
}

/** The database refuses a card state the model does not know, as migration 003 does for the others. */
async function guardState(db: Kysely<unknown>): Promise<void> {
  const allowed = sql`'live', 'retired'`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table cards add constraint cards_state_check check (state in (${allowed}))`.execute(db);
    return;
  }
  for (const [event, suffix] of [
    [sql`insert`, 'insert'],
    [sql`update of state`, 'update'],
  ] as const) {
    await sql`create trigger ${sql.id(`cards_state_check_${suffix}`)} before ${event} on cards
      when new.state not in (${allowed})
      begin select raise(abort, 'CHECK constraint failed: cards_state_check'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('card_id').execute();
  await db.schema.dropTable('card_lines').ifExists().execute();
  await db.schema.dropTable('cards').ifExists().execute();
}
