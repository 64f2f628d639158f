import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { snapshot, withoutActions } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('revoke (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('an owner revokes after confirming, and the code stops working', async () => {
    const { core, store, owner } = await make.withOrg();
    const member = await join(core, owner, 'm@x.test');
    const code = await inviteOne(core, member, 'ann@x.test');
    const pending = expectOk(await core.requestRevoke(owner, { email: 'ANN@x.test' }));
    expect(pending.action).toEqual({ kind: 'revoke', email: 'ann@x.test', role: 'member', invitedBy: 'm@x.test' });
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending).toHaveLength(1);
    expect(expectOk(await core.confirm(owner, { actionId: pending.actionId })).action.kind).toBe('revoke');
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending).toEqual([]);
    const row = await store.db
      .selectFrom('invitations')
      .select('state')
      .where('email', '=', 'ann@x.test')
      .executeTakeFirst();
    expect(row?.state).toBe('revoked');
    const refused = await core.accept(consoleCaller('ann@x.test'), { code });
    expect(refused.ok).toBe(false);
    expect(['invitation_not_pending', 'invalid_code']).toContain(refused.ok ? '' : refused.error.code);
    expect(expectOk(await core.list(owner, { what: 'members' })).members.map((m) => m.email)).not.toContain(
      'ann@x.test',
    );
    const entry = expectOk(await core.activity(owner, {})).entries[0];
    expect(entry).toMatchObject({ action: 'invitation_revoked', actor: 'owner@acme.test', subject: 'ann@x.test' });
  });

  it('the member who sent an invitation may revoke it', async () => {
    const { core, owner } = await make.withOrg();
    const member = await join(core, owner, 'm@x.test');
    await inviteOne(core, member, 'ann@x.test');
    const { actionId } = expectOk(await core.requestRevoke(member, { email: 'ann@x.test' }));
    expectOk(await core.confirm(member, { actionId }));
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending).toEqual([]);
  });

  it('another member may not revoke an invitation they did not send', async () => {
    const { core, store, owner } = await make.withOrg();
    const other = await join(core, owner, 'other@x.test', 'billing_admin');
    await inviteOne(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRevoke(other, { email: 'ann@x.test' }), 'not_inviter');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('asking changes nothing until confirmed', async () => {
    const { core, store, owner } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    expectOk(await core.requestRevoke(owner, { email: 'ann@x.test' }));
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
  });

  it('refuses an email without a pending invitation', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'm@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRevoke(owner, { email: 'nobody@x.test' }), 'invitation_not_found');
    expectErr(await core.requestRevoke(owner, { email: 'm@x.test' }), 'invitation_not_found');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('an invitation accepted between request and confirm is not revoked', async () => {
    const { core, store, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    const { actionId } = expectOk(await core.requestRevoke(owner, { email: 'ann@x.test' }));
    expectOk(await core.accept(consoleCaller('ann@x.test'), { code }));
    const before = await snapshot(core, store, owner);
    const refused = await core.confirm(owner, { actionId });
    expect(refused.ok).toBe(false);
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
    expect(expectOk(await core.list(owner, { what: 'members' })).members.map((m) => m.email)).toContain('ann@x.test');
  });
});
