import { describe, expect, it } from 'vitest';
import { expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('leave (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('a member leaves after confirming and then has no access at all', async () => {
    const { core, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    const pending = expectOk(await core.requestLeave(ann));
    expect(pending.action).toEqual({ kind: 'leave', email: 'ann@x.test', orgName: 'Acme' });
    expect(expectOk(await core.whoAmI(ann)).role).toBe('member');
    expectOk(await core.confirm(ann, { actionId: pending.actionId }));
    expect(expectOk(await core.list(owner, { what: 'members' })).members.map((m) => m.email)).toEqual([
      'owner@acme.test',
    ]);
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'member_left',
      actor: 'ann@x.test',
    });

    expectErr(await core.whoAmI(ann), 'not_a_member');
    expectErr(await core.list(ann, { what: 'all' }), 'not_a_member');
    expectErr(await core.invite(ann, { emails: ['b@x.test'] }), 'not_a_member');
    expectErr(await core.resend(ann, { email: 'b@x.test' }), 'not_a_member');
    expectErr(await core.requestRevoke(ann, { email: 'b@x.test' }), 'not_a_member');
    expectErr(await core.requestRoleChange(ann, { email: 'owner@acme.test', role: 'member' }), 'not_a_member');
    expectErr(await core.requestRemove(ann, { email: 'owner@acme.test' }), 'not_a_member');
    expectErr(await core.requestLeave(ann), 'not_a_member');
    expectErr(await core.activity(ann, {}), 'not_a_member');
    expectErr(await core.setChannel(ann, { channelId: 'C1' }), 'not_a_member');
    expect(await core.suggestEmails(ann, { among: 'members', prefix: '', limit: 25 })).toEqual([]);
  });

  it('the only owner cannot leave', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestLeave(owner), 'only_owner_cannot_leave');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('an owner may leave when another owner remains', async () => {
    const { core, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const { actionId } = expectOk(await core.requestLeave(owner));
    expectOk(await core.confirm(owner, { actionId }));
    expect(expectOk(await core.list(second, { what: 'members' })).members.map((m) => m.email)).toEqual([
      'second@x.test',
    ]);
  });

  it('re-checks at confirm time that another owner remains', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const leaving = expectOk(await core.requestLeave(owner));
    const demote = expectOk(await core.requestRoleChange(owner, { email: 'second@x.test', role: 'member' }));
    expectOk(await core.confirm(owner, { actionId: demote.actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(owner, { actionId: leaving.actionId }), 'only_owner_cannot_leave');
    const after = await snapshot(core, store, owner);
    expect(after.memberships).toEqual(before.memberships);
    expect(after.activity).toEqual(before.activity);
    expect(expectOk(await core.whoAmI(second)).role).toBe('member');
  });

  it('someone outside the organization cannot leave it', async () => {
    const { core } = await make.withOrg();
    expectErr(
      await core.requestLeave({ platform: 'console', workspaceId: 'local', userId: 'x', verifiedEmail: 'x@x.test' }),
      'not_a_member',
    );
  });
});
