import { describe, expect, it } from 'vitest';
import type { Caller, MembershipCore } from '../../src/core/index.ts';
import type { Store } from '../../src/store/connect.ts';
import { discordCaller, expectErr, expectOk, fixtures, inviteOne, join, slackCaller } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const MINUTE = 60_000;

const slackOwner = slackCaller('U1', 'owner@acme.test');
const discordAdmin = discordCaller('D1', 'G1');
const ADMIN = { isPlatformAdmin: true } as const;

/** What a refused link must leave as it was, beyond what the owner sees: bindings and live codes. */
async function linkState(core: MembershipCore, store: Store, owner: Caller) {
  return {
    ...(await snapshot(core, store, owner)),
    bindings: await store.db.selectFrom('bindings').selectAll().orderBy('platform').orderBy('workspace_id').execute(),
    codes: await store.db.selectFrom('link_codes').selectAll().orderBy('org_id').execute(),
  };
}

describe.each(dialects)('one organization on two platforms (%s)', (dialect) => {
  const make = fixtures(dialect);

  async function slackOrg() {
    const fixture = await make.bare();
    expectOk(await fixture.core.setup(slackOwner, { orgName: 'Acme', ...ADMIN }));
    return fixture;
  }

  it('a Discord admin redeems the Slack owner’s code: the server joins the organization as that owner', async () => {
    const { core, store, clock } = await slackOrg();
    await join(core, slackOwner, 'ann@x.test');
    const link = expectOk(await core.createLinkCode(slackOwner));
    expect(link.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(link.expiresAt).toBe(clock() + 15 * MINUTE);
    const stored = await store.db.selectFrom('link_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(link.code.replaceAll('-', ''));

    clock.advance(14 * MINUTE);
    // Typed by hand: lower case, spaces instead of dashes.
    const typed = link.code.toLowerCase().replaceAll('-', ' ');
    const linked = expectOk(await core.redeemLinkCode(discordAdmin, { code: typed, ...ADMIN }));
    expect(linked).toEqual({
      orgName: 'Acme',
      email: 'owner@acme.test',
      platforms: ['slack', 'discord'],
      channelSet: false,
    });

    expect(expectOk(await core.whoAmI(discordAdmin))).toEqual({
      email: 'owner@acme.test',
      role: 'owner',
      orgName: 'Acme',
    });
    const fromSlack = expectOk(await core.list(slackOwner, { what: 'all' }));
    expect(expectOk(await core.list(discordAdmin, { what: 'all' }))).toEqual(fromSlack);
    expect(expectOk(await core.activity(discordAdmin, {})).entries[0]).toMatchObject({
      action: 'platform_linked',
      actor: 'owner@acme.test',
      details: { platform: 'discord', workspace: 'G1' },
    });
    expect(await store.db.selectFrom('link_codes').selectAll().execute()).toEqual([]);
  });

  it('afterwards notices go to both platforms’ channels', async () => {
    const { core, store } = await slackOrg();
    expectOk(await core.setChannel(slackOwner, { channelId: 'C-SLACK' }));
    const { code } = expectOk(await core.createLinkCode(slackOwner));
    expectOk(await core.redeemLinkCode(discordAdmin, { code, ...ADMIN }));
    expectOk(await core.setChannel(discordAdmin, { channelId: 'C-DISCORD' }));
    await inviteOne(core, slackOwner, 'bo@x.test');
    const posts = (await outboxRows(store)).filter((r) => r.event.kind === 'invitations_sent');
    expect(posts.map((r) => [r.platform, r.destination]).sort()).toEqual([
      ['discord', { kind: 'channel', channelId: 'C-DISCORD' }],
      ['slack', { kind: 'channel', channelId: 'C-SLACK' }],
    ]);
  });

  it('a server whose own organization holds only the admin moves over; that organization stays, unbound', async () => {
    const { core, store } = await slackOrg();
    expectOk(await core.setup(discordAdmin, { orgName: 'Solo', email: 'owner@acme.test', ...ADMIN }));
    const { code } = expectOk(await core.createLinkCode(slackOwner));
    expectOk(await core.redeemLinkCode(discordAdmin, { code, ...ADMIN }));
    expect(expectOk(await core.whoAmI(discordAdmin)).orgName).toBe('Acme');
    const orgs = await store.db.selectFrom('organizations').select('name').orderBy('name').execute();
    expect(orgs.map((o) => o.name)).toEqual(['Acme', 'Solo']);
  });

  it('a Slack admin whose verified email is the code owner’s joins a Discord organization', async () => {
    const { core } = await make.bare();
    expectOk(await core.setup(discordAdmin, { orgName: 'Guild', email: 'owner@acme.test', ...ADMIN }));
    const { code } = expectOk(await core.createLinkCode(discordAdmin));
    const linked = expectOk(await core.redeemLinkCode(slackOwner, { code, ...ADMIN }));
    expect(linked.platforms).toEqual(['discord', 'slack']);
    expect(expectOk(await core.whoAmI(slackOwner))).toEqual({
      email: 'owner@acme.test',
      role: 'owner',
      orgName: 'Guild',
    });
  });

  it('one code redeemed by two servers at once binds exactly one of them', async () => {
    const { core, store } = await slackOrg();
    const { code } = expectOk(await core.createLinkCode(slackOwner));
    const results = await Promise.all(
      ['G1', 'G2'].map((guild) => core.redeemLinkCode(discordCaller('D1', guild), { code, ...ADMIN })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['invalid_link_code', 'ok']);
    const bound = await store.db.selectFrom('bindings').select('platform').where('platform', '=', 'discord').execute();
    expect(bound).toHaveLength(1);
  });

  describe('refusals change nothing', () => {
    it.each([
      ['a caller who is not an admin of their server', 'not_platform_admin'],
      ['a wrong code', 'invalid_link_code'],
      ['an expired code', 'invalid_link_code'],
      ['a used code', 'invalid_link_code'],
      ['a replaced code', 'invalid_link_code'],
      ['a code whose owner is no longer an owner', 'invalid_link_code'],
      ['a server with its own organization and other members', 'workspace_has_members'],
      ['a server whose organization has a pending invitation', 'workspace_has_members'],
      ['a Discord account linked to another email', 'identity_conflict'],
      ['a Slack admin whose verified email is not the code owner’s', 'link_code_not_yours'],
      ['the workspace the organization is already on', 'already_linked'],
      ['a second server on a platform the organization is already on', 'platform_already_linked'],
    ] as const)('%s: %s', async (what, expected) => {
      const { core, store, clock } = await slackOrg();
      const ann = await join(core, slackOwner, 'ann@x.test');
      let { code } = expectOk(await core.createLinkCode(slackOwner));
      let caller: Caller = discordAdmin;
      let isPlatformAdmin = true;
      switch (what) {
        case 'a caller who is not an admin of their server':
          isPlatformAdmin = false;
          break;
        case 'a wrong code':
          code = 'AAAA-BBBB-CCCC-DDDD';
          break;
        case 'an expired code':
          clock.advance(15 * MINUTE);
          break;
        case 'a used code':
          expectOk(await core.redeemLinkCode(discordCaller('D9', 'G9'), { code, ...ADMIN }));
          caller = discordCaller('D1', 'G1');
          break;
        case 'a replaced code':
          expectOk(await core.createLinkCode(slackOwner));
          break;
        case 'a code whose owner is no longer an owner': {
          const promote = expectOk(await core.requestRoleChange(slackOwner, { email: 'ann@x.test', role: 'owner' }));
          expectOk(await core.confirm(slackOwner, { actionId: promote.actionId }));
          const demote = expectOk(await core.requestRoleChange(ann, { email: 'owner@acme.test', role: 'member' }));
          expectOk(await core.confirm(ann, { actionId: demote.actionId }));
          break;
        }
        case 'a server with its own organization and other members':
          expectOk(await core.setup(discordAdmin, { orgName: 'Other', email: 'owner@acme.test', ...ADMIN }));
          await join(core, discordAdmin, 'zed@x.test');
          break;
        case 'a server whose organization has a pending invitation':
          expectOk(await core.setup(discordAdmin, { orgName: 'Other', email: 'owner@acme.test', ...ADMIN }));
          await inviteOne(core, discordAdmin, 'zed@x.test');
          break;
        case 'a Discord account linked to another email':
          expectOk(
            await core.setup(discordCaller('D1', 'G7'), { orgName: 'Elsewhere', email: 'me@else.test', ...ADMIN }),
          );
          break;
        case 'a Slack admin whose verified email is not the code owner’s': {
          // An organization made on Discord, so Slack is the side still free.
          const beta = discordCaller('D5', 'G5');
          expectOk(await core.setup(beta, { orgName: 'Beta', email: 'beta@x.test', ...ADMIN }));
          code = expectOk(await core.createLinkCode(beta)).code;
          caller = slackCaller('U2', 'admin@other.test', 'T2');
          break;
        }
        case 'the workspace the organization is already on':
          caller = slackOwner;
          break;
        case 'a second server on a platform the organization is already on':
          expectOk(await core.redeemLinkCode(discordAdmin, { code, ...ADMIN }));
          code = expectOk(await core.createLinkCode(slackOwner)).code;
          caller = discordCaller('D1', 'G2');
          break;
      }
      const owner = what === 'a code whose owner is no longer an owner' ? ann : slackOwner;
      const before = await linkState(core, store, owner);
      expectErr(await core.redeemLinkCode(caller, { code, isPlatformAdmin }), expected);
      expect(await linkState(core, store, owner)).toEqual(before);
    });

    it('only an owner makes a code', async () => {
      const { core, store } = await slackOrg();
      const ann = await join(core, slackOwner, 'ann@x.test');
      const before = await linkState(core, store, slackOwner);
      expectErr(await core.createLinkCode(ann), 'owner_only');
      expect(await linkState(core, store, slackOwner)).toEqual(before);
    });
  });
});
