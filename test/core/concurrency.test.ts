import { afterEach, describe, expect, it } from 'vitest';
import type { Caller, MembershipCore, Result } from '../../src/core/index.ts';
import type { Store } from '../../src/store/connect.ts';
import { consoleCaller, expectOk, inviteOne, join, makeCore, setupOrg } from '../support/core-harness.ts';
import { openSibling } from '../support/core-pg.ts';
import { availableDialects, manualClock } from '../support/stores.ts';

const hasPostgres = (await availableDialects()).includes('postgres');
const ROUNDS = 8;

/** Three cores on three pools over one schema, as three bot processes would be. */
async function processes(opened: Store[], orgMaxMembers = 100) {
  const clock = manualClock();
  const first = await makeCore('postgres', { poolSize: 10, clock, orgMaxMembers });
  const siblings = [await openSibling(first.store), await openSibling(first.store)];
  opened.push(first.store, ...siblings);
  const cores = [
    first.core,
    ...(await Promise.all(
      siblings.map(async (store) => (await makeCore('postgres', { store, clock, orgMaxMembers })).core),
    )),
  ];
  return {
    store: first.store,
    cores,
    core: first.core,
    pick: (i: number) => cores[i % cores.length] as MembershipCore,
  };
}

function codes(results: readonly Result<unknown>[]): string[] {
  return results.map((r) => (r.ok ? 'ok' : r.error.code)).sort();
}

async function ownersOf(store: Store, orgOwner: Caller): Promise<number> {
  const rows = await store.db
    .selectFrom('memberships')
    .innerJoin('bindings', 'bindings.org_id', 'memberships.org_id')
    .where('bindings.workspace_id', '=', orgOwner.workspaceId)
    .where('memberships.role', '=', 'owner')
    .select('memberships.email')
    .execute();
  return rows.length;
}

describe.skipIf(!hasPostgres)('concurrency on PostgreSQL', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('two owners demoting or removing each other at once leave at least one owner', async () => {
    const { store, core, pick } = await processes(opened);
    for (let round = 0; round < ROUNDS; round += 1) {
      const a = consoleCaller('a@x.test', `ws-${round}`);
      await setupOrg(core, a);
      const b = await join(core, a, 'b@x.test', 'owner');
      const fromA =
        round % 2 === 0
          ? await pick(0).requestRoleChange(a, { email: 'b@x.test', role: 'member' })
          : await pick(0).requestRemove(a, { email: 'b@x.test' });
      const fromB =
        round % 3 === 0
          ? await pick(1).requestRemove(b, { email: 'a@x.test' })
          : await pick(1).requestRoleChange(b, { email: 'a@x.test', role: 'billing' });
      const results = await Promise.all([
        pick(round).confirm(a, { actionId: expectOk(fromA).actionId }),
        pick(round + 1).confirm(b, { actionId: expectOk(fromB).actionId }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await ownersOf(store, a)).toBe(1);
    }
  });

  it('20 concurrent invitations with 5 seats left admit exactly 5', async () => {
    const { store, core, pick } = await processes(opened, 10);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    const inviters = [owner, await join(core, owner, 'm1@x.test'), await join(core, owner, 'm2@x.test')];
    await core.invite(owner, { emails: ['p1@x.test', 'p2@x.test'] });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pick(i).invite(inviters[i % 3] as Caller, { emails: [`new${i}@x.test`] })),
    );
    expect(codes(results)).toEqual([...Array(5).fill('ok'), ...Array(15).fill('over_capacity')]);
    const members = await store.db.selectFrom('memberships').select('email').execute();
    const pending = await store.db.selectFrom('invitations').select('email').where('state', '=', 'pending').execute();
    expect(members.length + pending.length).toBe(10);
  });

  it('one confirm clicked several times at once runs once', async () => {
    const { store, core, pick } = await processes(opened);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    expectOk(await core.setChannel(owner, { channelId: 'C1' }));
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `m${round}@x.test`;
      await join(core, owner, email);
      const { actionId } = expectOk(await core.requestRemove(owner, { email }));
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => pick(i).confirm(owner, { actionId })));
      expect(codes(results)).toEqual([
        'confirmation_already_used',
        'confirmation_already_used',
        'confirmation_already_used',
        'confirmation_already_used',
        'ok',
      ]);
      const removed = await store.db
        .selectFrom('activity')
        .select('seq')
        .where('action', '=', 'member_removed')
        .where('subject', '=', email)
        .execute();
      expect(removed).toHaveLength(1);
      const posts = await store.db.selectFrom('outbox').select('event').execute();
      expect(posts.filter((p) => p.event.includes('member_removed') && p.event.includes(email))).toHaveLength(2);
    }
  });

  it('an invitation accepted and revoked at once ends in exactly one state', async () => {
    const { store, core, pick } = await processes(opened);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `i${round}@x.test`;
      const code = await inviteOne(core, owner, email);
      const { actionId } = expectOk(await core.requestRevoke(owner, { email }));
      const [accepted, revoked] = await Promise.all([
        pick(round).accept(consoleCaller(email), { code }),
        pick(round + 1).confirm(owner, { actionId }),
      ]);
      expect([accepted.ok, revoked.ok].filter(Boolean)).toHaveLength(1);
      const row = await store.db
        .selectFrom('invitations')
        .select('state')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      const member = await store.db
        .selectFrom('memberships')
        .select('email')
        .where('email', '=', email)
        .executeTakeFirst();
      expect(row.state).toBe(accepted.ok ? 'accepted' : 'revoked');
      expect(member !== undefined).toBe(accepted.ok);
    }
  });

  it('the same code accepted twice at once makes one membership', async () => {
    const { store, core, pick } = await processes(opened);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    const code = await inviteOne(core, owner, 'ann@x.test');
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => pick(i).accept(consoleCaller('ann@x.test'), { code })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const activity = await store.db
      .selectFrom('activity')
      .select('seq')
      .where('action', '=', 'invitation_accepted')
      .execute();
    expect(activity).toHaveLength(1);
  });
});
