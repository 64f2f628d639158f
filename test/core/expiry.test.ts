import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import {
  consoleCaller,
  expectErr,
  expectOk,
  fixtures,
  INVITE_TTL_MS,
  inviteOne,
  join,
} from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('expiry (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('marks only invitations past their 48 hours as expired', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'old@x.test');
    clock.advance(10 * HOUR);
    await inviteOne(core, owner, 'new@x.test');
    clock.advance(INVITE_TTL_MS - 9 * HOUR);
    expect(await expireInvitations(store, clock())).toBe(1);
    const rows = await store.db
      .selectFrom('invitations')
      .select(['email', 'state', 'resolved_at'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: 'new@x.test', state: 'pending', resolved_at: null },
      { email: 'old@x.test', state: 'expired', resolved_at: clock() },
    ]);
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending.map((p) => p.email)).toEqual(['new@x.test']);
  });

  it("records the expiry as done by the system and queues the channel card's edit and the inviter DM", async () => {
    const { core, store, owner, clock } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const inviter = await join(core, owner, 'inviter@x.test');
    await inviteOne(core, inviter, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + 1);
    await expireInvitations(store, clock());
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      actor: 'system',
      action: 'invitation_expired',
      subject: 'ann@x.test',
      at: clock(),
    });
    const queued = (await outboxRows(store)).filter((r) => r.created_at === clock());
    expect(queued.map((r) => [r.destination, r.event.kind, r.state])).toEqual(
      expect.arrayContaining([
        // The invitation's announcement is a live card (SPEC §11): edited, not followed by a new post.
        [{ kind: 'channel', channelId: 'C-team' }, 'card_update', 'pending'],
        [{ kind: 'email', email: 'inviter@x.test' }, 'invitation_expired', 'pending'],
      ]),
    );
    expect(queued).toHaveLength(2);
  });

  it('handles each expiry once: a second run finds nothing', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await core.invite(owner, { emails: ['a@x.test', 'b@x.test', 'c@x.test'] });
    clock.advance(INVITE_TTL_MS + 1);
    expect(await expireInvitations(store, clock())).toBe(3);
    const outbox = await outboxRows(store);
    const activity = expectOk(await core.activity(owner, {}));
    clock.advance(HOUR);
    expect(await expireInvitations(store, clock())).toBe(0);
    expect(await outboxRows(store)).toEqual(outbox);
    expect(expectOk(await core.activity(owner, {}))).toEqual(activity);
  });

  it('an expired invitation cannot be accepted and its seat is free again', async () => {
    const { core, store, owner, clock } = await make.withOrg({ orgMaxMembers: 2 });
    const code = await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + 1);
    await expireInvitations(store, clock());
    expect(expectErr(await core.accept(consoleCaller('ann@x.test'), { code }), 'invitation_not_pending').state).toBe(
      'expired',
    );
    expectOk(await core.invite(owner, { emails: ['bob@x.test'] }));
  });

  it('an overdue invitation does not hold a seat even before the sweep ran', async () => {
    const { core, owner, clock } = await make.withOrg({ orgMaxMembers: 2 });
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + 1);
    const outcome = expectOk(await core.invite(owner, { emails: ['ann@x.test'] }));
    expect(outcome.invited.map((i) => i.email)).toEqual(['ann@x.test']);
  });
});
