import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { consoleCaller, expectErr, expectOk, fixtures, INVITE_TTL_MS, inviteOne } from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const ann = consoleCaller('ann@x.test');

describe.each(dialects)('accept and decline (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('accepting creates the membership with the invited role', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test', 'billing_admin');
    clock.advance(5 * MINUTE);
    expect(expectOk(await core.accept(ann, { code }))).toEqual({
      orgName: 'Acme',
      email: 'ann@x.test',
      role: 'billing_admin',
    });
    const roster = expectOk(await core.list(owner, { what: 'all' }));
    expect(roster.members).toContainEqual(
      expect.objectContaining({ email: 'ann@x.test', role: 'billing_admin', joinedAt: clock() }),
    );
    expect(roster.pending).toEqual([]);
    const row = await store.db.selectFrom('invitations').select(['state', 'resolved_at']).executeTakeFirst();
    expect(row).toEqual({ state: 'accepted', resolved_at: clock() });
    expect(expectOk(await core.whoAmI(ann)).role).toBe('billing_admin');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      action: 'invitation_accepted',
      subject: 'ann@x.test',
    });
  });

  it('accepts a code typed in lower case or with spaces', async () => {
    const { core, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    expectOk(await core.accept(ann, { code: ` ${code.toLowerCase().slice(0, 8)} ${code.toLowerCase().slice(8)} ` }));
  });

  it('only the invitee may accept or decline', async () => {
    const { core, store, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    expectErr(await core.accept(consoleCaller('mallory@x.test'), { code }), 'not_invitee');
    expectErr(await core.decline(consoleCaller('mallory@x.test'), { code }), 'not_invitee');
    expectErr(await core.accept(owner, { code }), 'not_invitee');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('refuses a wrong code without changing anything', async () => {
    const { core, store, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    const before = await snapshot(core, store, owner);
    const wrong = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    expectErr(await core.accept(ann, { code: wrong }), 'invalid_code');
    expectErr(await core.accept(ann, { code: '' }), 'invalid_code');
    expectErr(await core.decline(ann, { code: 'nonsense' }), 'invalid_code');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('refuses an invitation past its 48 hours even before the expiry job ran', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + 1);
    const before = await snapshot(core, store, owner);
    expectErr(await core.accept(ann, { code }), 'invitation_expired');
    expectErr(await core.decline(ann, { code }), 'invitation_expired');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('accepts a minute before the 48 hours run out', async () => {
    const { core, owner, clock } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS - MINUTE);
    expectOk(await core.accept(ann, { code }));
  });

  it('declining ends the invitation: it cannot be accepted afterwards', async () => {
    const { core, store, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    expect(expectOk(await core.decline(ann, { code }))).toEqual({ orgName: 'Acme', email: 'ann@x.test' });
    expect(expectOk(await core.list(owner, { what: 'all' })).pending).toEqual([]);
    const before = await snapshot(core, store, owner);
    expect(expectErr(await core.accept(ann, { code }), 'invitation_not_pending').state).toBe('declined');
    expect(await snapshot(core, store, owner)).toEqual(before);
    expect(before.activity.entries[0]).toMatchObject({ action: 'invitation_declined', subject: 'ann@x.test' });
  });

  it('a second accept of the same code changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'ann@x.test');
    expectOk(await core.accept(ann, { code }));
    const before = await snapshot(core, store, owner);
    const again = await core.accept(ann, { code });
    expect(again.ok).toBe(false);
    expect(await snapshot(core, store, owner)).toEqual(before);
  });
});
