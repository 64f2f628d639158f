import { describe, expect, it } from 'vitest';
import { type Caller, DAY, HOUR, type MembershipCore, MINUTE, type Result } from '../../src/core/index.ts';
import { lapseRequests } from '../../src/jobs/lapse-requests.ts';
import type { Store } from '../../src/store/connect.ts';
import { consoleCaller, expectErr, expectOk, fixtures, join, makeCore } from '../support/core-harness.ts';
import { openSibling } from '../support/core-pg.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

/** The request the owners were asked in the channel, by the id its Approve button carries. */
async function askedInChannel(store: Store) {
  const rows = (await outboxRows(store)).filter((r) => r.event.kind === 'request_made');
  return rows.map((r) => ({ destination: r.destination, event: r.event }));
}

async function requestState(store: Store, id: string) {
  const row = await store.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row?.state;
}

/** A member refused an owner invite, offered Ask an owner, and asked. */
async function askToInvite(core: MembershipCore, member: Caller, emails: string[], role = 'owner') {
  expectErr(await core.invite(member, { emails, role }), 'role_not_grantable');
  const { offerId } = expectOk(await core.offerAsk(member, { emails, role }));
  return expectOk(await core.askOwner(member, { offerId }));
}

describe.each(dialects)('requests instead of refusals (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('list requests: an owner sees every open one, oldest first; a member their own; decided and week-old ones drop out', async () => {
    const { core, owner, clock } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const cy = await join(core, owner, 'cy@x.test');
    const stranger = consoleCaller('eve@else.test', 'elsewhere');
    const first = expectOk(await core.requestRole(bob, { role: 'billing-admin' }));
    clock.advance(HOUR);
    const second = await askToInvite(core, cy, ['cto@x.test']);
    const byOwner = expectOk(await core.listRequests(owner));
    expect(byOwner.decides).toBe(true);
    expect(byOwner.requests.map((r) => [r.requestId, r.requester])).toEqual([
      [first.requestId, 'bob@x.test'],
      [second.requestId, 'cy@x.test'],
    ]);
    expect(byOwner.requests[0]?.lapsesAt).toBe((byOwner.requests[0]?.madeAt ?? 0) + 7 * DAY);
    const byBob = expectOk(await core.listRequests(bob));
    expect([byBob.decides, byBob.requests.map((r) => r.requestId)]).toEqual([false, [first.requestId]]);
    expectErr(await core.listRequests(stranger), 'org_not_set_up');

    expectOk(await core.denyRequest(owner, { requestId: first.requestId }));
    expect(expectOk(await core.listRequests(owner)).requests.map((r) => r.requestId)).toEqual([second.requestId]);
    expect(expectOk(await core.listRequests(bob)).requests).toEqual([]);
    // A week on, before any sweep: deciding it would be refused, so it is not offered.
    clock.advance(7 * DAY);
    expect(expectOk(await core.listRequests(owner)).requests).toEqual([]);
  });

  it('a member asks for a role; the owners are asked in the channel; approval changes it and tells them', async () => {
    const { core, store, owner } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const bob = await join(core, owner, 'bob@x.test');
    const made = expectOk(await core.requestRole(bob, { role: 'billing-admin' }));
    expect(made.ask).toEqual({ purpose: 'role', role: 'billing_admin' });
    expect(await askedInChannel(store)).toEqual([
      {
        destination: { kind: 'channel', channelId: 'C-team' },
        event: {
          kind: 'request_made',
          orgName: 'Acme',
          requestId: made.requestId,
          requester: 'bob@x.test',
          ask: made.ask,
        },
      },
    ]);
    const decided = expectOk(await core.approveRequest(owner, { requestId: made.requestId }));
    expect(decided).toMatchObject({ decision: 'approved', by: 'owner@acme.test', requester: 'bob@x.test' });
    expect(expectOk(await core.whoAmI(bob)).role).toBe('billing_admin');
    expect(await requestState(store, made.requestId)).toBe('approved');
    const actions = expectOk(await core.activity(owner, {})).entries.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['request_approved', 'role_changed', 'request_made']);
    const told = (await outboxRows(store)).filter((r) => r.event.kind === 'request_decided');
    expect(told.map((r) => r.destination)).toEqual([{ kind: 'email', email: 'bob@x.test' }]);
    expect(told[0]?.event).toMatchObject({ outcome: 'approved', by: 'owner@acme.test' });
  });

  it('one open request per person and purpose: a second is refused and changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    expectOk(await core.requestRole(bob, { role: 'owner' }));
    const before = await snapshot(core, store, owner);
    expect(expectErr(await core.requestRole(bob, { role: 'billing-admin' }), 'request_already_open').purpose).toBe(
      'role',
    );
    expect(await snapshot(core, store, owner)).toEqual(before);
    // Another purpose is another request.
    await askToInvite(core, bob, ['new@x.test']);
  });

  it('refuses a role request that makes no sense, changing nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRole(bob, { role: 'king' }), 'invalid_role');
    expectErr(await core.requestRole(bob, { role: 'member' }), 'same_role');
    expectErr(await core.requestRole(owner, { role: 'member' }), 'request_not_needed');
    expectErr(await core.requestRole(consoleCaller('stranger@x.test'), { role: 'owner' }), 'not_a_member');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('only owners decide; a second decision, an unknown id or a week-old request is refused and changes nothing', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const ann = await join(core, owner, 'ann@x.test', 'billing_admin');
    const { requestId } = expectOk(await core.requestRole(bob, { role: 'billing-admin' }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.approveRequest(ann, { requestId }), 'owner_only');
    expectErr(await core.approveRequest(bob, { requestId }), 'owner_only');
    expectErr(await core.denyRequest(ann, { requestId }), 'owner_only');
    expectErr(await core.approveRequest(owner, { requestId: 'nope' }), 'request_not_found');
    clock.advance(7 * DAY);
    expectErr(await core.approveRequest(owner, { requestId }), 'request_expired');
    expect(await snapshot(core, store, owner)).toEqual(before);
    clock.advance(-MINUTE);
    expectOk(await core.denyRequest(owner, { requestId }));
    const denied = await snapshot(core, store, owner);
    expect(expectErr(await core.approveRequest(owner, { requestId }), 'request_decided').state).toBe('denied');
    expect(expectErr(await core.denyRequest(owner, { requestId }), 'request_decided').state).toBe('denied');
    expect(await snapshot(core, store, owner)).toEqual(denied);
    expect(expectOk(await core.whoAmI(bob)).role).toBe('member');
  });

  it('a denial changes nothing but the request, recorded, and tells the requester', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const { requestId } = expectOk(await core.requestRole(bob, { role: 'owner' }));
    expect(expectOk(await core.denyRequest(owner, { requestId })).decision).toBe('denied');
    expect(expectOk(await core.whoAmI(bob)).role).toBe('member');
    expect(await requestState(store, requestId)).toBe('denied');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'request_denied',
      actor: 'owner@acme.test',
      subject: 'bob@x.test',
    });
    const told = (await outboxRows(store)).filter((r) => r.event.kind === 'request_decided');
    expect(told[0]?.event).toMatchObject({ outcome: 'denied', requester: 'bob@x.test' });
    // Decided, so a new request may be made.
    expectOk(await core.requestRole(bob, { role: 'owner' }));
  });

  it('Ask an owner: the refused invite becomes a request; approval invites as the approving owner', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.invite(bob, { emails: ['cto@x.test'], role: 'owner' }), 'role_not_grantable');
    expect(await snapshot(core, store, owner)).toEqual(before);
    const offer = expectOk(await core.offerAsk(bob, { emails: ['CTO@x.test'], role: 'owner' }));
    expect(offer.ask).toEqual({ purpose: 'invite', emails: ['cto@x.test'], role: 'owner', reason: 'role' });
    // An offer asks nobody until it is clicked, and only by its author.
    expect(await askedInChannel(store)).toEqual([]);
    expectErr(await core.askOwner(owner, { offerId: offer.offerId }), 'request_not_yours');
    expectErr(await core.approveRequest(owner, { requestId: offer.offerId }), 'request_not_found');
    const made = expectOk(await core.askOwner(bob, { offerId: offer.offerId }));
    expectErr(await core.askOwner(bob, { offerId: offer.offerId }), 'request_already_open');
    const decided = expectOk(await core.approveRequest(owner, { requestId: made.requestId }));
    expect(decided.invited?.invited.map((i) => [i.email, i.role])).toEqual([['cto@x.test', 'owner']]);
    const pending = expectOk(await core.list(owner, { what: 'pending' })).pending;
    expect(pending).toMatchObject([{ email: 'cto@x.test', role: 'owner', invitedBy: 'owner@acme.test' }]);
  });

  it('an offer nobody clicked within 15 minutes asks nobody', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const { offerId } = expectOk(await core.offerAsk(bob, { emails: ['cto@x.test'], role: 'owner' }));
    expectErr(await core.offerAsk(bob, { emails: ['a@x.test'], role: 'member' }), 'request_not_needed');
    clock.advance(15 * MINUTE);
    const before = await snapshot(core, store, owner);
    expectErr(await core.askOwner(bob, { offerId }), 'request_expired');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('approval checks every rule again: no free seat, or the requester gone, refuses and keeps the request open', async () => {
    const { core, store, owner } = await make.withOrg({ orgMaxMembers: 3 });
    const bob = await join(core, owner, 'bob@x.test');
    const carl = await join(core, owner, 'carl@x.test');
    const invite = await askToInvite(core, bob, ['c1@x.test', 'c2@x.test'], 'billing-admin');
    const role = expectOk(await core.requestRole(carl, { role: 'billing-admin' }));
    const { actionId } = expectOk(await core.requestRemove(owner, { email: 'carl@x.test' }));
    expectOk(await core.confirm(owner, { actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.approveRequest(owner, { requestId: invite.requestId }), 'over_capacity');
    expectErr(await core.approveRequest(owner, { requestId: role.requestId }), 'member_not_found');
    expect(await snapshot(core, store, owner)).toEqual(before);
    expect(await requestState(store, invite.requestId)).toBe('open');
  });

  it('the sweep lapses a request after 7 days, once, recorded, and tells the requester', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const { requestId } = expectOk(await core.requestRole(bob, { role: 'owner' }));
    clock.advance(7 * DAY - 1);
    expect(await lapseRequests(store, clock())).toBe(0);
    clock.advance(1);
    expect(await lapseRequests(store, clock())).toBe(1);
    expect(await lapseRequests(store, clock() + HOUR)).toBe(0);
    expect(await requestState(store, requestId)).toBe('lapsed');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'request_lapsed',
      actor: 'system',
      subject: 'bob@x.test',
    });
    const told = (await outboxRows(store)).filter((r) => r.event.kind === 'request_decided');
    expect(told.map((r) => [r.destination, (r.event as { outcome: string }).outcome])).toEqual([
      [{ kind: 'email', email: 'bob@x.test' }, 'lapsed'],
    ]);
    expect(expectErr(await core.approveRequest(owner, { requestId }), 'request_decided').state).toBe('lapsed');
    expectOk(await core.requestRole(bob, { role: 'owner' }));
  });

  it('two owners approving one request at once run it once', async () => {
    const { core, store, owner } = await make.withOrg();
    const other = await join(core, owner, 'co@acme.test', 'owner');
    const sibling = dialect === 'postgres' ? await openSibling(store) : store;
    try {
      const second = (await makeCore(dialect, { store: sibling })).core;
      for (let round = 0; round < 4; round += 1) {
        const bob = await join(core, owner, `bob${round}@x.test`);
        const { requestId } = await askToInvite(core, bob, [`cto${round}@x.test`]);
        const results: Result<unknown>[] = await Promise.all([
          core.approveRequest(owner, { requestId }),
          second.approveRequest(other, { requestId }),
        ]);
        expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'request_decided']);
        const invited = await store.db
          .selectFrom('invitations')
          .select('id')
          .where('email', '=', `cto${round}@x.test`)
          .execute();
        expect(invited).toHaveLength(1);
      }
    } finally {
      if (sibling !== store) await sibling.close();
    }
  });

  it('the database itself refuses an unknown state or purpose, and a second open request of one purpose', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    const { requestId } = expectOk(await core.requestRole(bob, { role: 'owner' }));
    const row = await store.db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    const insert = (changes: Record<string, string>) =>
      store.db
        .insertInto('requests')
        .values({ ...row, id: `copy-${Object.values(changes).join('-')}`, ...changes } as typeof row)
        .execute();
    await expect(insert({ state: 'pending' })).rejects.toThrow(/check|constraint/i);
    await expect(insert({ purpose: 'transfer' })).rejects.toThrow(/check|constraint/i);
    await expect(insert({ state: 'open' })).rejects.toThrow(/unique|duplicate/i);
    await insert({ state: 'denied' });
  });
});
