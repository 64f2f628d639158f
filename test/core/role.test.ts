import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { outboxRows, snapshot, withoutActions } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('role change (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('an owner changes a member role after confirming', async () => {
    const { core, store, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    const pending = expectOk(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'Billing-Admin' }));
    expect(pending.action).toEqual({ kind: 'role', email: 'ann@x.test', from: 'member', to: 'billing_admin' });
    expect(expectOk(await core.whoAmI(ann)).role).toBe('member');
    expectOk(await core.confirm(owner, { actionId: pending.actionId }));
    expect(expectOk(await core.whoAmI(ann)).role).toBe('billing_admin');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'role_changed',
      actor: 'owner@acme.test',
      subject: 'ann@x.test',
    });
    const dm = (await outboxRows(store)).filter((r) => r.event.kind === 'role_changed');
    expect(dm).toContainEqual(expect.objectContaining({ destination: { kind: 'email', email: 'ann@x.test' } }));
  });

  for (const role of ['member', 'billing_admin'] as const) {
    it(`a ${role} may not change roles`, async () => {
      const { core, store, owner } = await make.withOrg();
      const actor = await join(core, owner, 'actor@x.test', role);
      await join(core, owner, 'ann@x.test');
      const before = await snapshot(core, store, owner);
      expectErr(await core.requestRoleChange(actor, { email: 'ann@x.test', role: 'owner' }), 'owner_only');
      expectErr(await core.requestRoleChange(actor, { email: 'actor@x.test', role: 'owner' }), 'owner_only');
      expect(await snapshot(core, store, owner)).toEqual(before);
    });
  }

  it('the target must be a Verified member', async () => {
    const { core, store, owner } = await make.withOrg();
    await inviteOne(core, owner, 'pending@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRoleChange(owner, { email: 'pending@x.test', role: 'owner' }), 'member_not_found');
    expectErr(await core.requestRoleChange(owner, { email: 'nobody@x.test', role: 'owner' }), 'member_not_found');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('refuses an unknown role word', async () => {
    const { core, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    expectErr(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'king' }), 'invalid_role');
  });

  it('the same role says so and changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test', 'billing_admin');
    const before = await snapshot(core, store, owner);
    const refused = expectErr(
      await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'billing' }),
      'same_role',
    );
    expect(refused).toMatchObject({ email: 'ann@x.test', role: 'billing_admin' });
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('the last owner cannot be demoted', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRoleChange(owner, { email: 'owner@acme.test', role: 'member' }), 'last_owner');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('an owner may demote themselves while another owner remains', async () => {
    const { core, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const { actionId } = expectOk(await core.requestRoleChange(owner, { email: 'owner@acme.test', role: 'member' }));
    expectOk(await core.confirm(owner, { actionId }));
    expect(expectOk(await core.whoAmI(owner)).role).toBe('member');
    expectErr(await core.requestRoleChange(second, { email: 'second@x.test', role: 'member' }), 'last_owner');
  });

  it('re-checks the last owner at confirm time', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const demoteSecond = expectOk(await core.requestRoleChange(owner, { email: 'second@x.test', role: 'member' }));
    const demoteSelf = expectOk(await core.requestRoleChange(second, { email: 'second@x.test', role: 'member' }));
    const demoteFirst = expectOk(await core.requestRoleChange(second, { email: 'owner@acme.test', role: 'member' }));
    expectOk(await core.confirm(second, { actionId: demoteFirst.actionId }));
    const before = await snapshot(core, store, second);
    expectErr(await core.confirm(owner, { actionId: demoteSecond.actionId }), 'owner_only');
    expectErr(await core.confirm(second, { actionId: demoteSelf.actionId }), 'last_owner');
    expect(withoutActions(await snapshot(core, store, second))).toEqual(withoutActions(before));
    expect(expectOk(await core.whoAmI(consoleCaller('second@x.test'))).role).toBe('owner');
  });
});
