import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('activity and channel (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('lists the changes newest first with who, what, to whom and when', async () => {
    const { core, owner, clock } = await make.withOrg();
    const start = clock();
    clock.advance(MINUTE);
    await join(core, owner, 'ann@x.test', 'billing_admin');
    const page = expectOk(await core.activity(owner, {}));
    expect(page.entries.map((e) => [e.action, e.actor, e.subject, e.at])).toEqual([
      ['invitation_accepted', 'ann@x.test', 'ann@x.test', start + MINUTE],
      ['invited', 'owner@acme.test', 'ann@x.test', start + MINUTE],
      ['org_created', 'owner@acme.test', 'owner@acme.test', start],
    ]);
    expect(page).toMatchObject({ page: 1, pageCount: 1 });
  });

  it('pages through a long history without gaps or repeats', async () => {
    const { core, owner, clock } = await make.withOrg({ orgMaxMembers: 500 });
    for (let i = 0; i < 70; i += 1) {
      clock.advance(1);
      expectOk(await core.invite(owner, { emails: [`p${i}@x.test`] }));
    }
    const first = expectOk(await core.activity(owner, { page: 1 }));
    const size = first.entries.length;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(71);
    expect(first.pageCount).toBe(Math.ceil(71 / size));
    const all = [...first.entries];
    for (let page = 2; page <= first.pageCount; page += 1) {
      const next = expectOk(await core.activity(owner, { page: String(page) }));
      expect(next.page).toBe(page);
      all.push(...next.entries);
    }
    expect(all).toHaveLength(71);
    expect(all.map((e) => e.subject)).toEqual([
      ...Array.from({ length: 70 }, (_, i) => `p${69 - i}@x.test`),
      'owner@acme.test',
    ]);
  });

  it('refuses a page that is not a number', async () => {
    const { core, owner } = await make.withOrg();
    expect(expectErr(await core.activity(owner, { page: 'abc' }), 'invalid_page').input).toBe('abc');
    expectErr(await core.activity(owner, { page: -1 }), 'invalid_page');
  });

  for (const role of ['member', 'billing_admin'] as const) {
    it(`a ${role} may not read the activity`, async () => {
      const { core, owner } = await make.withOrg();
      const user = await join(core, owner, 'user@x.test', role);
      expectErr(await core.activity(user, {}), 'owner_only');
    });
  }

  it('an owner sets the channel where notifications are posted', async () => {
    const { core, store, owner } = await make.withOrg();
    expect(expectOk(await core.setChannel(owner, { channelId: 'C-team' }))).toEqual({ channelId: 'C-team' });
    const binding = await store.db.selectFrom('bindings').select('channel_id').executeTakeFirst();
    expect(binding?.channel_id).toBe('C-team');
    expect(expectOk(await core.activity(owner, {})).entries[0]?.action).toBe('channel_set');
    await core.invite(owner, { emails: ['ann@x.test'] });
    const posts = await store.db.selectFrom('outbox').select('destination').execute();
    expect(posts.map((p) => JSON.parse(p.destination))).toContainEqual({ kind: 'channel', channelId: 'C-team' });
  });

  it('only owners may set the channel', async () => {
    const { core, store, owner } = await make.withOrg();
    const member = await join(core, owner, 'm@x.test', 'billing_admin');
    const before = await snapshot(core, store, owner);
    expectErr(await core.setChannel(member, { channelId: 'C-mine' }), 'owner_only');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });
});
