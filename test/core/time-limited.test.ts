import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { endMemberships } from '../../src/jobs/end-memberships.ts';
import { consoleCaller, expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const DAY = 24 * HOUR;

describe.each(dialects)('time-limited membership (%s)', (dialect) => {
  const make = fixtures(dialect);

  async function joinFor(fixture: Awaited<ReturnType<typeof make.withOrg>>, email: string, duration: string) {
    const { core, owner } = fixture;
    const outcome = expectOk(await core.invite(owner, { emails: [email], duration }));
    const code = outcome.invited[0]?.code ?? '';
    expectOk(await core.accept(consoleCaller(email), { code }));
  }

  it('the membership ends its term after the invitation is accepted, and list shows the end', async () => {
    const fixture = await make.withOrg();
    const { core, owner, clock } = fixture;
    const outcome = expectOk(await core.invite(owner, { emails: ['ann@x.test'], duration: '30d' }));
    expect(outcome.invited[0]?.durationMs).toBe(30 * DAY);
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending[0]?.durationMs).toBe(30 * DAY);
    clock.advance(HOUR);
    expectOk(await core.accept(consoleCaller('ann@x.test'), { code: outcome.invited[0]?.code ?? '' }));
    const members = expectOk(await core.list(owner, { what: 'members' })).members;
    expect(members.find((m) => m.email === 'ann@x.test')?.endsAt).toBe(clock() + 30 * DAY);
    expect(members.find((m) => m.email === 'owner@acme.test')).not.toHaveProperty('endsAt');
  });

  it('at the end the sweep removes the member with the removal notices and activity, once', async () => {
    const fixture = await make.withOrg();
    const { core, store, owner, clock } = fixture;
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    await joinFor(fixture, 'ann@x.test', '2d');
    clock.advance(2 * DAY - 1);
    expect((await endMemberships(store, clock())).ended).toBe(0);
    clock.advance(1);
    expect((await endMemberships(store, clock())).ended).toBe(1);
    expect((await endMemberships(store, clock())).ended).toBe(0);
    expectErr(await core.whoAmI(consoleCaller('ann@x.test')), 'not_a_member');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      actor: 'system',
      action: 'member_removed',
      subject: 'ann@x.test',
      details: { role: 'member', reason: 'membership ended' },
      at: clock(),
    });
    const ended = (await outboxRows(store)).filter((r) => r.event.kind === 'membership_ended');
    expect(ended.map((r) => r.destination)).toEqual(
      expect.arrayContaining([
        { kind: 'channel', channelId: 'C-team' },
        { kind: 'email', email: 'ann@x.test' },
      ]),
    );
    expect(ended).toHaveLength(2);
  });

  it('the inviter and the owners hear a tenth of the term before the end (at most three days), once', async () => {
    const fixture = await make.withOrg();
    const { core, store, owner, clock } = fixture;
    const second = await join(core, owner, 'second@x.test', 'owner');
    const inviter = await join(core, owner, 'inviter@x.test');
    const code = expectOk(await core.invite(inviter, { emails: ['ann@x.test'], duration: '10d' })).invited[0]?.code;
    expectOk(await core.accept(consoleCaller('ann@x.test'), { code: code ?? '' }));
    clock.advance(9 * DAY - 1);
    expect((await endMemberships(store, clock())).noticed).toBe(0);
    clock.advance(1);
    expect((await endMemberships(store, clock())).noticed).toBe(1);
    expect((await endMemberships(store, clock())).noticed).toBe(0);
    const notices = (await outboxRows(store)).filter((r) => r.event.kind === 'membership_ending');
    expect(notices.map((r) => r.destination)).toEqual(
      expect.arrayContaining([owner, second, inviter].map((c) => ({ kind: 'email', email: c.userId }))),
    );
    expect(notices).toHaveLength(3);
    expect(notices[0]?.event).toMatchObject({ email: 'ann@x.test', endsAt: clock() + DAY, durationMs: 10 * DAY });

    await joinFor(fixture, 'long@x.test', '365d');
    clock.advance(362 * DAY - 1);
    expect((await endMemberships(store, clock())).noticed).toBe(0);
    clock.advance(1);
    expect((await endMemberships(store, clock())).noticed).toBe(1);
  });

  it('an owner extends before the end: the end moves, the notice is due again, the sweep leaves them', async () => {
    const fixture = await make.withOrg();
    const { core, store, owner, clock } = fixture;
    await joinFor(fixture, 'ann@x.test', '10d');
    const firstEnd = clock() + 10 * DAY;
    clock.advance(9 * DAY);
    expect((await endMemberships(store, clock())).noticed).toBe(1);
    expect(expectOk(await core.extend(owner, { email: 'ann@x.test' }))).toEqual({
      email: 'ann@x.test',
      endsAt: firstEnd + 10 * DAY,
      durationMs: 10 * DAY,
    });
    expect(expectOk(await core.extend(owner, { email: 'ANN@x.test', duration: '1w' })).endsAt).toBe(
      firstEnd + 17 * DAY,
    );
    clock.set(firstEnd);
    expect(await endMemberships(store, clock())).toEqual({ ended: 0, noticed: 0 });
    expect(expectOk(await core.whoAmI(consoleCaller('ann@x.test'))).role).toBe('member');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'membership_extended',
      subject: 'ann@x.test',
    });
    clock.set(firstEnd + 17 * DAY);
    expect((await endMemberships(store, clock())).ended).toBe(1);
  });

  it('refuses a term for owners, outside 1 hour to 1 year, or unreadable, and changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const before = await snapshot(core, store, owner);
    expectErr(
      await core.invite(owner, { emails: ['a@x.test'], role: 'owner', duration: '30d' }),
      'owner_not_time_limited',
    );
    expect(
      expectErr(await core.invite(owner, { emails: ['a@x.test'], duration: '59m' }), 'invalid_duration').input,
    ).toBe('59m');
    expectErr(await core.invite(owner, { emails: ['a@x.test'], duration: '366d' }), 'duration_out_of_range');
    expectErr(await core.invite(owner, { emails: ['a@x.test'], duration: '0h' }), 'duration_out_of_range');
    expectErr(await core.invite(owner, { emails: ['a@x.test'], duration: 'soon' }), 'invalid_duration');
    expect(await snapshot(core, store, owner)).toEqual(before);
    expectOk(await core.invite(owner, { emails: ['a@x.test'], duration: '1h' }));
    expectOk(await core.invite(owner, { emails: ['b@x.test'], duration: '1y' }));
    expectOk(await core.invite(owner, { emails: ['c@x.test'], duration: '1d12h' }));
  });

  it('extend is for owners, for time-limited members only', async () => {
    const fixture = await make.withOrg();
    const { core, store, owner } = fixture;
    const plain = await join(core, owner, 'plain@x.test');
    await joinFor(fixture, 'ann@x.test', '10d');
    const before = await snapshot(core, store, owner);
    expectErr(await core.extend(plain, { email: 'ann@x.test', duration: '1d' }), 'owner_only');
    expectErr(await core.extend(owner, { email: 'plain@x.test', duration: '1d' }), 'not_time_limited');
    expectErr(await core.extend(owner, { email: 'nobody@x.test', duration: '1d' }), 'member_not_found');
    expectErr(await core.extend(owner, { email: 'ann@x.test', duration: '2y' }), 'duration_out_of_range');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('promotion to owner makes the membership permanent, so no end removes an owner', async () => {
    const fixture = await make.withOrg();
    const { core, store, owner, clock } = fixture;
    await joinFor(fixture, 'ann@x.test', '1d');
    const { actionId } = expectOk(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'owner' }));
    expectOk(await core.confirm(owner, { actionId }));
    clock.advance(2 * DAY);
    expect(await endMemberships(store, clock())).toEqual({ ended: 0, noticed: 0 });
    const ann = expectOk(await core.list(owner, { what: 'members' })).members.find((m) => m.email === 'ann@x.test');
    expect(ann).toEqual(expect.objectContaining({ role: 'owner' }));
    expect(ann).not.toHaveProperty('endsAt');
  });

  it('a time-limited member holds a seat like any other', async () => {
    const fixture = await make.withOrg({ orgMaxMembers: 2 });
    const { core, owner } = fixture;
    await joinFor(fixture, 'ann@x.test', '1d');
    expectErr(await core.invite(owner, { emails: ['bob@x.test'] }), 'over_capacity');
  });
});
