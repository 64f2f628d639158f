import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, OWNER_EMAIL, slackCaller } from '../support/core-harness.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('setup (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('makes the platform admin who runs it the first owner', async () => {
    const { core } = await make.bare();
    const admin = slackCaller('U1', 'Boss@Acme.test');
    const outcome = expectOk(await core.setup(admin, { orgName: 'Acme', isPlatformAdmin: true }));
    expect(outcome).toMatchObject({ orgName: 'Acme', ownerEmail: 'boss@acme.test' });
    const roster = expectOk(await core.list(admin, { what: 'all' }));
    expect(roster.members).toEqual([expect.objectContaining({ email: 'boss@acme.test', role: 'owner' })]);
    expect(roster.pending).toEqual([]);
    expect(roster.limit).toBe(100);
    expect(expectOk(await core.whoAmI(admin))).toEqual({ email: 'boss@acme.test', role: 'owner', orgName: 'Acme' });
  });

  it('records the creation in the activity', async () => {
    const { core, owner } = await make.withOrg();
    const page = expectOk(await core.activity(owner, {}));
    expect(page.entries.map((e) => e.action)).toEqual(['org_created']);
    expect(page.entries[0]?.actor).toBe(OWNER_EMAIL);
  });

  it('refuses someone who is not a workspace admin and creates nothing', async () => {
    const { core, store } = await make.bare();
    const user = slackCaller('U2', 'someone@acme.test');
    expectErr(await core.setup(user, { orgName: 'Acme', isPlatformAdmin: false }), 'not_platform_admin');
    expect(await store.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('bindings').selectAll().execute()).toEqual([]);
    expectErr(await core.list(user, { what: 'all' }), 'org_not_set_up');
  });

  it('happens only once per workspace, even for another admin', async () => {
    const { core, store } = await make.bare();
    expectOk(await core.setup(slackCaller('U1', 'a@acme.test'), { orgName: 'Acme', isPlatformAdmin: true }));
    const second = slackCaller('U2', 'b@acme.test');
    const refused = expectErr(
      await core.setup(second, { orgName: 'Other', isPlatformAdmin: true }),
      'org_already_set_up',
    );
    expect(refused.orgName).toBe('Acme');
    expect(await store.db.selectFrom('organizations').select('name').execute()).toEqual([{ name: 'Acme' }]);
    expectErr(await core.whoAmI(second), 'not_a_member');
  });

  it('lets another workspace set up its own organization', async () => {
    const { core } = await make.bare();
    await core.setup(slackCaller('U1', 'a@acme.test', 'T1'), { orgName: 'Acme', isPlatformAdmin: true });
    const other = slackCaller('U1', 'a@beta.test', 'T2');
    expectOk(await core.setup(other, { orgName: 'Beta', isPlatformAdmin: true }));
    expect(expectOk(await core.whoAmI(other)).orgName).toBe('Beta');
  });

  it('refuses an empty organization name', async () => {
    const { core, store } = await make.bare();
    expectErr(
      await core.setup(consoleCaller('a@acme.test'), { orgName: '  ', isPlatformAdmin: true }),
      'invalid_org_name',
    );
    expect(await store.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
  });

  it('answers org_not_set_up to every command before setup', async () => {
    const { core } = await make.bare();
    const user = consoleCaller('a@acme.test');
    expectErr(await core.invite(user, { emails: ['b@acme.test'] }), 'org_not_set_up');
    expectErr(await core.requestLeave(user), 'org_not_set_up');
    expectErr(await core.activity(user, {}), 'org_not_set_up');
  });
});
