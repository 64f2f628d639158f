import { describe, expect, it } from 'vitest';
import { expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('organization limit (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('counts pending invitations against the limit', async () => {
    const { core, owner } = await make.withOrg({ orgMaxMembers: 3 });
    expectOk(await core.invite(owner, { emails: ['a@x.test', 'b@x.test'] }));
    const refused = expectErr(await core.invite(owner, { emails: ['c@x.test'] }), 'over_capacity');
    expect(refused).toMatchObject({ seatsLeft: 0, requested: 1, limit: 3 });
  });

  it('rejects a batch that would exceed the limit whole, saying how many seats are left', async () => {
    const { core, store, owner } = await make.withOrg({ orgMaxMembers: 5 });
    await join(core, owner, 'm@x.test');
    const before = await snapshot(core, store, owner);
    const refused = expectErr(
      await core.invite(owner, { emails: ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test'] }),
      'over_capacity',
    );
    expect(refused).toMatchObject({ seatsLeft: 3, requested: 4, limit: 5 });
    expect(await snapshot(core, store, owner)).toEqual(before);
    expect(expectOk(await core.invite(owner, { emails: ['a@x.test', 'b@x.test', 'c@x.test'] })).seatsLeft).toBe(0);
  });

  it('does not count already-member or already-pending emails as new seats', async () => {
    const { core, owner } = await make.withOrg({ orgMaxMembers: 3 });
    await core.invite(owner, { emails: ['a@x.test'] });
    const outcome = expectOk(await core.invite(owner, { emails: ['a@x.test', 'owner@acme.test', 'b@x.test'] }));
    expect(outcome.invited.map((i) => i.email)).toEqual(['b@x.test']);
    expect(outcome.seatsLeft).toBe(0);
  });

  it('frees a seat when an invitation is declined', async () => {
    const { core, owner } = await make.withOrg({ orgMaxMembers: 2 });
    const { invited } = expectOk(await core.invite(owner, { emails: ['a@x.test'] }));
    expectErr(await core.invite(owner, { emails: ['b@x.test'] }), 'over_capacity');
    const code = invited[0]?.code ?? '';
    expectOk(
      await core.decline(
        { platform: 'console', workspaceId: 'local', userId: 'a@x.test', verifiedEmail: 'a@x.test' },
        { code },
      ),
    );
    expectOk(await core.invite(owner, { emails: ['b@x.test'] }));
  });
});
