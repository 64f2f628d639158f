import type { Caller, Destination, MembershipCore, NotificationEvent } from '../../src/core/index.ts';
import type { Store } from '../../src/store/connect.ts';
import { expectOk } from './core-harness.ts';

/**
 * Everything a refused command must leave untouched: what the owner sees (list, activity) and
 * the rows behind it. Compared before and after with toEqual.
 */
export async function snapshot(core: MembershipCore, store: Store, owner: Caller) {
  const db = store.db;
  return {
    roster: expectOk(await core.list(owner, { what: 'all' })),
    activity: expectOk(await core.activity(owner, {})),
    memberships: await db.selectFrom('memberships').selectAll().orderBy('org_id').orderBy('email').execute(),
    invitations: await db.selectFrom('invitations').selectAll().orderBy('id').execute(),
    pendingActions: await db.selectFrom('pending_actions').selectAll().orderBy('id').execute(),
    identities: await db.selectFrom('chat_identities').selectAll().orderBy('platform').orderBy('user_id').execute(),
    outbox: await db.selectFrom('outbox').selectAll().orderBy('id').execute(),
    organizations: await db.selectFrom('organizations').selectAll().orderBy('id').execute(),
    requests: await db.selectFrom('requests').selectAll().orderBy('id').execute(),
    domains: await db.selectFrom('org_domains').selectAll().orderBy('org_id').orderBy('domain').execute(),
  };
}

/** Decoded outbox rows, oldest first, for asserting what was queued. */
export async function outboxRows(store: Store) {
  const rows = await store.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    ...row,
    destination: JSON.parse(row.destination) as Destination,
    event: JSON.parse(row.event) as NotificationEvent,
  }));
}

/** A snapshot without the pending actions: a refused confirm may settle its own action, nothing else. */
export function withoutActions<T extends { pendingActions: unknown }>(snap: T): Omit<T, 'pendingActions'> {
  const { pendingActions: _, ...rest } = snap;
  return rest;
}
