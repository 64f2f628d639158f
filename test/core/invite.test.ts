import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('invite (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('invites as member by default, pending for 48 hours, shown in the list', async () => {
    const { core, owner, clock } = await make.withOrg();
    const outcome = expectOk(await core.invite(owner, { emails: ['Ann@X.test'] }));
    expect(outcome.invited).toEqual([
      expect.objectContaining({ email: 'ann@x.test', role: 'member', expiresAt: clock() + 48 * 3_600_000 }),
    ]);
    expect(outcome.seatsLeft).toBe(98);
    const roster = expectOk(await core.list(owner, { what: 'pending' }));
    expect(roster.pending).toEqual([
      expect.objectContaining({
        email: 'ann@x.test',
        role: 'member',
        invitedBy: 'owner@acme.test',
        sentAt: clock(),
        expiresAt: clock() + 48 * 3_600_000,
      }),
    ]);
  });

  it('lets an owner grant every role, accepting every spelling', async () => {
    const { core, owner } = await make.withOrg();
    const spellings: Array<[string, string]> = [
      ['Owner', 'owner'],
      ['billing-admin', 'billing_admin'],
      ['BILLING', 'billing_admin'],
    ];
    for (const [word, role] of spellings) {
      const email = `${word.toLowerCase()}@x.test`;
      const outcome = expectOk(await core.invite(owner, { emails: [email], role: word }));
      expect(outcome.invited[0]?.role).toBe(role);
    }
  });

  it('refuses an unknown role word and invites no one', async () => {
    const { core, store, owner } = await make.withOrg();
    const before = await snapshot(core, store, owner);
    expect(expectErr(await core.invite(owner, { emails: ['a@x.test'], role: 'boss' }), 'invalid_role').input).toBe(
      'boss',
    );
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  for (const role of ['member', 'billing_admin'] as const) {
    it(`a ${role} may only grant member`, async () => {
      const { core, store, owner } = await make.withOrg();
      const inviter = await join(core, owner, `${role}@x.test`, role);
      const before = await snapshot(core, store, owner);
      for (const wanted of ['owner', 'billing-admin']) {
        const refused = expectErr(
          await core.invite(inviter, { emails: ['new@x.test'], role: wanted }),
          'role_not_grantable',
        );
        expect(refused.grantable).toEqual(['member']);
      }
      expect(await snapshot(core, store, owner)).toEqual(before);
      expect(expectOk(await core.invite(inviter, { emails: ['new@x.test'] })).invited[0]?.role).toBe('member');
    });
  }

  it('refuses someone who is not a member', async () => {
    const { core, store, owner } = await make.withOrg();
    const before = await snapshot(core, store, owner);
    expectErr(await core.invite(consoleCaller('stranger@x.test'), { emails: ['a@x.test'] }), 'not_a_member');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('splits on spaces and commas and collapses duplicates', async () => {
    const { core, owner } = await make.withOrg();
    const outcome = expectOk(
      await core.invite(owner, { emails: ['a@x.test,b@x.test', ' A@X.test ', 'c@x.test, b@x.test', 'a@x.test'] }),
    );
    expect(outcome.invited.map((i) => i.email).sort()).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending).toHaveLength(3);
  });

  it('rejects the whole batch when any email is invalid, naming each bad one', async () => {
    const { core, store, owner } = await make.withOrg();
    const before = await snapshot(core, store, owner);
    const refused = expectErr(
      await core.invite(owner, {
        emails: ['good@x.test', 'bad', 'also@bad', 'fine@x.test', `${'l'.repeat(250)}@x.test`],
      }),
      'invalid_emails',
    );
    expect([...refused.emails].sort()).toEqual(['also@bad', 'bad', `${'l'.repeat(250)}@x.test`].sort());
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('refuses no emails at all', async () => {
    const { core, owner } = await make.withOrg();
    expectErr(await core.invite(owner, { emails: [] }), 'no_emails');
    expectErr(await core.invite(owner, { emails: [' ', ','] }), 'no_emails');
  });

  it('accepts up to 100 emails in one command and refuses 101', async () => {
    const { core, store, owner } = await make.withOrg({ orgMaxMembers: 500 });
    const emails = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}@x.test`);
    const before = await snapshot(core, store, owner);
    expect(expectErr(await core.invite(owner, { emails: emails(101, 'a') }), 'too_many_emails')).toMatchObject({
      given: 101,
      max: 100,
    });
    expect(await snapshot(core, store, owner)).toEqual(before);
    expect(expectOk(await core.invite(owner, { emails: emails(100, 'b') })).invited).toHaveLength(100);
  });

  it('reports members and pending invitees instead of inviting them twice', async () => {
    const { core, owner, store } = await make.withOrg();
    await join(core, owner, 'member@x.test');
    const firstCode = await inviteOne(core, owner, 'pending@x.test');
    const outcome = expectOk(
      await core.invite(owner, { emails: ['member@x.test', 'pending@x.test', 'owner@acme.test', 'new@x.test'] }),
    );
    expect(outcome.invited.map((i) => i.email)).toEqual(['new@x.test']);
    expect([...outcome.alreadyMembers].sort()).toEqual(['member@x.test', 'owner@acme.test']);
    expect(outcome.alreadyPending).toEqual(['pending@x.test']);
    const rows = await store.db
      .selectFrom('invitations')
      .select(['email', 'state'])
      .where('email', '=', 'pending@x.test')
      .execute();
    expect(rows).toEqual([{ email: 'pending@x.test', state: 'pending' }]);
    // The first code still works: nothing was re-issued.
    expectOk(await core.accept(consoleCaller('pending@x.test'), { code: firstCode }));
  });

  it('records each invitation in the activity', async () => {
    const { core, owner } = await make.withOrg();
    await core.invite(owner, { emails: ['a@x.test', 'b@x.test'], role: 'billing' });
    const entries = expectOk(await core.activity(owner, {})).entries;
    const invited = entries.filter((e) => e.action === 'invited');
    expect(invited.map((e) => e.subject).sort()).toEqual(['a@x.test', 'b@x.test']);
    expect(invited.every((e) => e.actor === 'owner@acme.test')).toBe(true);
  });
});
