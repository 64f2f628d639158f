import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { availableDialects, openTestStore, PG_URL } from '../support/stores.ts';

const dialects = await availableDialects();

/** A store brought only to 001, as a database made before the CHECK constraints existed. */
async function openAtInitial(dialect: (typeof dialects)[number]): Promise<Store> {
  const store =
    dialect === 'sqlite'
      ? await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-')), 'test.db')}`)
      : await openStore(PG_URL, { pgSchema: `t_${process.pid}_${Date.now().toString(36)}_checks` });
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    ...(store.pgSchema === undefined ? {} : { migrationTableSchema: store.pgSchema }),
  });
  const { error } = await migrator.migrateTo('001-initial');
  if (error) throw error;
  return store;
}

async function seed(store: Store, role: string): Promise<void> {
  const db = store.db;
  await db
    .insertInto('organizations')
    .values({ id: 'o1', name: 'Acme', member_limit: 100, created_at: 1, version: 0 })
    .execute();
  await db
    .insertInto('memberships')
    .values({ org_id: 'o1', email: 'owner@x.com', role: 'owner', joined_at: 1 })
    .execute();
  await db
    .insertInto('memberships')
    .values({ org_id: 'o1', email: 'odd@x.com', role: role as 'member', joined_at: 1 })
    .execute();
  await db
    .insertInto('invitations')
    .values({
      id: 'i1',
      org_id: 'o1',
      email: 'new@x.com',
      role: 'billing_admin',
      state: 'pending',
      code_hash: 'h',
      invited_by: 'owner@x.com',
      created_at: 1,
      sent_at: 1,
      expires_at: 2,
      resolved_at: null,
      target_platform: null,
      target_user_id: null,
    })
    .execute();
  await db
    .insertInto('pending_actions')
    .values({
      id: 'p1',
      org_id: 'o1',
      requested_by: 'owner@x.com',
      action: '{}',
      state: 'done',
      created_at: 1,
      resolved_at: 2,
    })
    .execute();
  await db
    .insertInto('outbox')
    .values({
      id: 'n1',
      org_id: 'o1',
      platform: 'slack',
      workspace_id: 'T1',
      destination: 'C1',
      event: '{}',
      state: 'undeliverable',
      attempts: 3,
      created_at: 1,
      next_attempt_at: 1,
      delivered_at: null,
      last_error: 'gone',
    })
    .execute();
}

/** Runs a raw write and says how it ended: `ok`, or the database's refusal. */
async function attempt(store: Store, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await statement.execute(store.db);
    return 'ok';
  } catch (error) {
    return /check/i.test(String(error)) ? 'refused' : String(error);
  }
}

describe.each(dialects)('the database refuses unknown roles and states (%s)', (dialect) => {
  it('keeps every existing row through the migration, reading an unknown role as member', async () => {
    const store = await openAtInitial(dialect);
    try {
      await seed(store, '{}');
      expect(await migrateToLatest(store)).toContain('003-check-constraints');
      const members = await store.db.selectFrom('memberships').select(['email', 'role']).orderBy('email').execute();
      expect(members).toEqual([
        { email: 'odd@x.com', role: 'member' },
        { email: 'owner@x.com', role: 'owner' },
      ]);
      const invitation = await store.db.selectFrom('invitations').select(['role', 'state']).executeTakeFirst();
      expect(invitation).toEqual({ role: 'billing_admin', state: 'pending' });
      expect(await store.db.selectFrom('pending_actions').select('state').execute()).toEqual([{ state: 'done' }]);
      expect(await store.db.selectFrom('outbox').select(['state', 'attempts']).execute()).toEqual([
        { state: 'undeliverable', attempts: 3 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses a bad role or state on insert and on update, and takes every known one', async () => {
    const store = await openTestStore(dialect);
    try {
      await seed(store, 'member');
      const outcomes = {
        membershipRole: await attempt(
          store,
          sql`insert into memberships (org_id, email, role, joined_at) values ('o1', 'p@x.com', '__proto__', 1)`,
        ),
        membershipUpdate: await attempt(store, sql`update memberships set role = '{}' where email = 'odd@x.com'`),
        invitationRole: await attempt(store, sql`update invitations set role = 'admin' where id = 'i1'`),
        invitationState: await attempt(store, sql`update invitations set state = 'Accepted' where id = 'i1'`),
        pendingActionState: await attempt(store, sql`update pending_actions set state = 'running' where id = 'p1'`),
        outboxState: await attempt(store, sql`update outbox set state = 'sent' where id = 'n1'`),
      };
      expect(outcomes).toEqual({
        membershipRole: 'refused',
        membershipUpdate: 'refused',
        invitationRole: 'refused',
        invitationState: 'refused',
        pendingActionState: 'refused',
        outboxState: 'refused',
      });
      const known = [
        sql`update memberships set role = 'billing_admin' where email = 'odd@x.com'`,
        sql`update invitations set state = 'accepted', role = 'owner' where id = 'i1'`,
        sql`update pending_actions set state = 'cancelled' where id = 'p1'`,
        sql`update outbox set state = 'delivered' where id = 'n1'`,
      ];
      for (const statement of known) expect(await attempt(store, statement)).toBe('ok');
      const roles = await store.db.selectFrom('memberships').select('role').orderBy('email').execute();
      expect(roles).toEqual([{ role: 'billing_admin' }, { role: 'owner' }]);
    } finally {
      await store.close();
    }
  });
});
