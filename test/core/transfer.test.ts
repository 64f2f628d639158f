import { describe, expect, it } from 'vitest';
import type { Caller, MembershipCore } from '../../src/core/index.ts';
import type { Store } from '../../src/store/connect.ts';
import { consoleCaller, expectErr, expectOk, fixtures, join, setupOrg } from '../support/core-harness.ts';
import { outboxRows, snapshot, withoutActions } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

async function roles(core: MembershipCore, owner: Caller) {
  const roster = expectOk(await core.list(owner, { what: 'members' }));
  return Object.fromEntries(roster.members.map((m) => [m.email, m.role]));
}

async function owners(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('memberships').select('email').where('role', '=', 'owner').execute();
  return rows.map((r) => r.email).sort();
}

describe.each(dialects)('ownership transfer (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('one confirmation makes the target owner and the caller a member, in one go, with its notices', async () => {
    const { core, store, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test', 'billing_admin');
    expectOk(await core.setChannel(owner, { channelId: 'C1' }));
    const pending = expectOk(await core.requestTransfer(owner, { email: 'ann@x.test' }));
    expect(pending.action).toEqual({ kind: 'transfer', email: 'ann@x.test', from: 'billing_admin', orgName: 'Acme' });
    expect(await roles(core, owner)).toEqual({ 'owner@acme.test': 'owner', 'ann@x.test': 'billing_admin' });

    expectOk(await core.confirm(owner, { actionId: pending.actionId }));
    expect(await roles(core, ann)).toEqual({ 'owner@acme.test': 'member', 'ann@x.test': 'owner' });
    expect(expectOk(await core.activity(ann, {})).entries[0]).toMatchObject({
      action: 'ownership_transferred',
      actor: 'owner@acme.test',
      subject: 'ann@x.test',
      details: { from: 'billing_admin', previousOwner: 'owner@acme.test' },
    });
    const told = (await outboxRows(store)).filter((r) => r.event.kind === 'ownership_transferred');
    // The channel, and the new owner in person.
    expect(told).toHaveLength(2);
    expect(told.map((r) => r.destination)).toEqual(
      expect.arrayContaining([
        { kind: 'channel', channelId: 'C1' },
        { kind: 'email', email: 'ann@x.test' },
      ]),
    );
    expect(told[0]?.event).toEqual({
      kind: 'ownership_transferred',
      orgName: 'Acme',
      email: 'ann@x.test',
      from: 'owner@acme.test',
    });
    // The former owner is now a member: owner-only commands are closed to them.
    expectErr(await core.activity(owner, {}), 'owner_only');
  });

  it.each([
    ['a member', 'ann@x.test', 'owner_only', 'ann'],
    ['to someone outside', 'nobody@x.test', 'member_not_found', 'owner'],
    ['to themselves', 'owner@acme.test', 'transfer_to_self', 'owner'],
    ['to an owner already', 'bo@x.test', 'already_owner', 'owner'],
    ['to a bad address', 'not-an-email', 'invalid_emails', 'owner'],
  ] as const)('refused %s, changing nothing', async (_what, email, code, who) => {
    const { core, store, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    await join(core, owner, 'bo@x.test', 'owner');
    const caller = who === 'ann' ? ann : owner;
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestTransfer(caller, { email }), code);
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('re-checks at confirm time: a target promoted meanwhile refuses and changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const transfer = expectOk(await core.requestTransfer(owner, { email: 'ann@x.test' }));
    const promote = expectOk(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'owner' }));
    expectOk(await core.confirm(owner, { actionId: promote.actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(owner, { actionId: transfer.actionId }), 'already_owner');
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
    expect(await owners(store)).toEqual(['ann@x.test', 'owner@acme.test']);
  });

  it('the only owner leaving is offered the members who could take over, and transfer then lets them go', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    await join(core, owner, 'bo@x.test', 'billing_admin');
    const before = await snapshot(core, store, owner);
    const refusal = expectErr(await core.requestLeave(owner), 'only_owner_cannot_leave');
    expect(refusal.candidates).toEqual(['ann@x.test', 'bo@x.test']);
    expect(await snapshot(core, store, owner)).toEqual(before);

    const { actionId } = expectOk(await core.requestTransfer(owner, { email: refusal.candidates[0] ?? '' }));
    expectOk(await core.confirm(owner, { actionId }));
    const leave = expectOk(await core.requestLeave(owner));
    expectOk(await core.confirm(owner, { actionId: leave.actionId }));
    expect(await owners(store)).toEqual(['ann@x.test']);
  });

  it('the only owner alone in the organization has nobody to offer', async () => {
    const { core, owner } = await make.withOrg();
    expect(expectErr(await core.requestLeave(owner), 'only_owner_cannot_leave').candidates).toEqual([]);
  });

  it('a transfer racing a demotion of its owner: exactly one applies, and an owner always remains', async () => {
    const { core, store } = await make.bare({ poolSize: 4 });
    for (let round = 0; round < 6; round += 1) {
      const a = consoleCaller('a@x.test', `ws-${round}`);
      await setupOrg(core, a);
      const c = await join(core, a, 'c@x.test', 'owner');
      await join(core, a, 'b@x.test');
      const transfer = expectOk(await core.requestTransfer(a, { email: 'b@x.test' }));
      const demote = expectOk(await core.requestRoleChange(c, { email: 'a@x.test', role: 'member' }));
      const [first, second] = round % 2 === 0 ? [a, c] : [c, a];
      const ids = round % 2 === 0 ? [transfer, demote] : [demote, transfer];
      const results = await Promise.all([
        core.confirm(first, { actionId: ids[0]?.actionId ?? '' }),
        core.confirm(second, { actionId: ids[1]?.actionId ?? '' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused && !refused.ok && refused.error.code).toMatch(/^(owner_only|same_role)$/);
      const left = expectOk(await core.list(c, { what: 'members' })).members.filter((m) => m.role === 'owner');
      expect(left.length).toBeGreaterThanOrEqual(1);
      expect(left.map((m) => m.email)).toContain('c@x.test');
    }
    expect((await owners(store)).length).toBeGreaterThanOrEqual(6);
  });
});
