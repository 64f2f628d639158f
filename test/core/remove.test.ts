import { describe, expect, it } from 'vitest';
import { expectErr, expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('remove (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('an owner removes a member after confirming; the member loses access', async () => {
    const { core, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test', 'billing_admin');
    const pending = expectOk(await core.requestRemove(owner, { email: 'Ann@X.test' }));
    expect(pending.action).toEqual({ kind: 'remove', email: 'ann@x.test', role: 'billing_admin' });
    expect(expectOk(await core.whoAmI(ann)).role).toBe('billing_admin');
    expect(expectOk(await core.confirm(owner, { actionId: pending.actionId })).action).toEqual(pending.action);
    expect(expectOk(await core.list(owner, { what: 'members' })).members.map((m) => m.email)).toEqual([
      'owner@acme.test',
    ]);
    expectErr(await core.whoAmI(ann), 'not_a_member');
    expectErr(await core.list(ann, { what: 'all' }), 'not_a_member');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'member_removed',
      actor: 'owner@acme.test',
      subject: 'ann@x.test',
    });
  });

  it('notifies the removed user by DM and the channel', async () => {
    const { core, store, owner } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-general' }));
    await join(core, owner, 'ann@x.test');
    const { actionId } = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    expectOk(await core.confirm(owner, { actionId }));
    const queued = (await outboxRows(store)).filter((r) => r.event.kind === 'member_removed');
    expect(queued).toHaveLength(2);
    expect(queued.map((r) => ({ destination: r.destination, kind: r.event.kind, state: r.state }))).toEqual(
      expect.arrayContaining([
        { destination: { kind: 'channel', channelId: 'C-general' }, kind: 'member_removed', state: 'pending' },
        { destination: { kind: 'email', email: 'ann@x.test' }, kind: 'member_removed', state: 'pending' },
      ]),
    );
    expect(queued.every((r) => r.platform === 'console' && r.workspace_id === 'local')).toBe(true);
  });

  for (const role of ['member', 'billing_admin'] as const) {
    it(`a ${role} may not remove anyone`, async () => {
      const { core, store, owner } = await make.withOrg();
      const actor = await join(core, owner, 'actor@x.test', role);
      await join(core, owner, 'ann@x.test');
      const before = await snapshot(core, store, owner);
      expectErr(await core.requestRemove(actor, { email: 'ann@x.test' }), 'owner_only');
      expectErr(await core.requestRemove(actor, { email: 'owner@acme.test' }), 'owner_only');
      expect(await snapshot(core, store, owner)).toEqual(before);
    });
  }

  it('the target must be a Verified member', async () => {
    const { core, store, owner } = await make.withOrg();
    await inviteOne(core, owner, 'pending@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRemove(owner, { email: 'pending@x.test' }), 'member_not_found');
    expectErr(await core.requestRemove(owner, { email: 'nobody@x.test' }), 'member_not_found');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('removing yourself is leave', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'second@x.test', 'owner');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRemove(owner, { email: 'owner@acme.test' }), 'use_leave');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('an owner may remove another owner while one remains', async () => {
    const { core, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const { actionId } = expectOk(await core.requestRemove(second, { email: 'owner@acme.test' }));
    expectOk(await core.confirm(second, { actionId }));
    expect(expectOk(await core.list(second, { what: 'members' })).members).toEqual([
      expect.objectContaining({ email: 'second@x.test', role: 'owner' }),
    ]);
  });

  it('a member removed between request and confirm is not removed twice', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    await join(core, owner, 'ann@x.test');
    const first = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    const other = expectOk(await core.requestRemove(second, { email: 'ann@x.test' }));
    expectOk(await core.confirm(owner, { actionId: first.actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(second, { actionId: other.actionId }), 'member_not_found');
    const after = await snapshot(core, store, owner);
    expect(after.activity).toEqual(before.activity);
    expect(after.outbox).toEqual(before.outbox);
  });
});
