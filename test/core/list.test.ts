import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('list and suggestions (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('any member sees members with role and join date, and pending invitations with inviter and expiry', async () => {
    const { core, owner, clock } = await make.withOrg();
    const start = clock();
    clock.advance(1_000);
    const member = await join(core, owner, 'ann@x.test', 'billing_admin');
    await inviteOne(core, member, 'bob@x.test');
    const roster = expectOk(await core.list(member, { what: 'all' }));
    expect(roster).toMatchObject({ orgName: 'Acme', limit: 100 });
    expect([...roster.members].sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      expect.objectContaining({ email: 'ann@x.test', role: 'billing_admin', joinedAt: start + 1_000 }),
      expect.objectContaining({ email: 'owner@acme.test', role: 'owner', joinedAt: start }),
    ]);
    expect(roster.pending).toEqual([
      expect.objectContaining({
        email: 'bob@x.test',
        role: 'member',
        invitedBy: 'ann@x.test',
        sentAt: clock(),
        expiresAt: clock() + 48 * 3_600_000,
      }),
    ]);
    expect(expectOk(await core.list(member, { what: 'members' })).pending).toEqual([]);
    expect(expectOk(await core.list(member, { what: 'pending' })).members).toEqual([]);
  });

  it('an outsider or an invitee who has not accepted cannot list', async () => {
    const { core, owner } = await make.withOrg();
    await inviteOne(core, owner, 'bob@x.test');
    expectErr(await core.list(consoleCaller('bob@x.test'), { what: 'all' }), 'not_a_member');
  });

  it('suggests members or pending invitees by prefix, only to members', async () => {
    const { core, owner } = await make.withOrg({ orgMaxMembers: 200 });
    await join(core, owner, 'alice@x.test');
    await core.invite(owner, { emails: Array.from({ length: 30 }, (_, i) => `al${i}@x.test`) });
    expect(await core.suggestEmails(owner, { among: 'members', prefix: 'AL', limit: 25 })).toEqual(['alice@x.test']);
    const pending = await core.suggestEmails(owner, { among: 'pending', prefix: 'al', limit: 25 });
    expect(pending).toHaveLength(25);
    expect(pending.every((e) => e.startsWith('al') && e !== 'alice@x.test')).toBe(true);
    expect(await core.suggestEmails(consoleCaller('x@x.test'), { among: 'members', prefix: '', limit: 25 })).toEqual(
      [],
    );
  });

  it("a decline edits the channel's card and is sent to the inviter", async () => {
    const { core, store, owner } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const inviter = await join(core, owner, 'inviter@x.test');
    const code = await inviteOne(core, inviter, 'ann@x.test');
    expectOk(await core.decline(consoleCaller('ann@x.test'), { code }));
    const rows = await outboxRows(store);
    const declined = rows.filter((r) => r.event.kind === 'invitation_declined');
    expect(declined.map((r) => r.destination)).toEqual([{ kind: 'email', email: 'inviter@x.test' }]);
    // The channel's announcement is a live card: edited, not followed by a post (SPEC §11).
    const edits = rows.filter((r) => r.event.kind === 'card_update' && r.event.changed[0]?.email === 'ann@x.test');
    expect(edits.map((r) => r.destination)).toEqual([{ kind: 'channel', channelId: 'C-team' }]);
  });
});
