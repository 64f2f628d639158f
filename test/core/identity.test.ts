import { describe, expect, it } from 'vitest';
import type { MembershipCore } from '../../src/core/index.ts';
import { discordCaller, expectErr, expectOk, fixtures, slackCaller } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const admin = discordCaller('D-admin');

async function discordOrg(core: MembershipCore) {
  expectOk(await core.setup(admin, { orgName: 'Guild', isPlatformAdmin: true, email: 'Admin@X.test' }));
}

describe.each(dialects)('identity (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('Discord setup with a stated email links the admin account as owner', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    expect(expectOk(await core.whoAmI(admin))).toEqual({ email: 'admin@x.test', role: 'owner', orgName: 'Guild' });
    const links = await store.db.selectFrom('chat_identities').select(['platform', 'user_id', 'email']).execute();
    expect(links).toEqual([{ platform: 'discord', user_id: 'D-admin', email: 'admin@x.test' }]);
  });

  it('Discord setup without an email is refused and creates nothing', async () => {
    const { core, store } = await make.bare();
    const refused = await core.setup(admin, { orgName: 'Guild', isPlatformAdmin: true });
    expect(refused.ok).toBe(false);
    expect(await store.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('chat_identities').selectAll().execute()).toEqual([]);
  });

  it('an unlinked Discord user can do nothing but accept or decline', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    const stranger = discordCaller('D-stranger');
    const before = await snapshot(core, store, admin);
    expectErr(await core.invite(stranger, { emails: ['a@x.test'] }), 'not_linked');
    expectErr(await core.list(stranger, { what: 'all' }), 'not_linked');
    expectErr(await core.resend(stranger, { email: 'a@x.test' }), 'not_linked');
    expectErr(await core.requestRevoke(stranger, { email: 'a@x.test' }), 'not_linked');
    expectErr(await core.requestRoleChange(stranger, { email: 'admin@x.test', role: 'member' }), 'not_linked');
    expectErr(await core.requestRemove(stranger, { email: 'admin@x.test' }), 'not_linked');
    expectErr(await core.requestLeave(stranger), 'not_linked');
    expectErr(await core.activity(stranger, {}), 'not_linked');
    expectErr(await core.setChannel(stranger, { channelId: 'C1' }), 'not_linked');
    expectErr(await core.whoAmI(stranger), 'not_linked');
    expect(await snapshot(core, store, admin)).toEqual(before);
  });

  it('accepting with a code links the Discord account to the invited email', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    const { invited } = expectOk(await core.invite(admin, { emails: ['ann@x.test'], role: 'billing' }));
    const ann = discordCaller('D-ann');
    expectOk(await core.accept(ann, { code: invited[0]?.code ?? '' }));
    expect(expectOk(await core.whoAmI(ann))).toEqual({ email: 'ann@x.test', role: 'billing_admin', orgName: 'Guild' });
    const link = await store.db
      .selectFrom('chat_identities')
      .selectAll()
      .where('user_id', '=', 'D-ann')
      .executeTakeFirst();
    expect(link).toMatchObject({ platform: 'discord', email: 'ann@x.test' });
  });

  it('an invitation addressed to a Discord account is offered by DM and accepted by its button', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    const outcome = expectOk(
      await core.invite(admin, { emails: ['ann@x.test'], reachable: { 'ann@x.test': 'D-ann' } }),
    );
    expect(outcome.invited[0]?.dmSent).toBe(true);
    const offer = (await outboxRows(store)).find((r) => r.event.kind === 'invitation_offer');
    expect(offer?.destination).toEqual({ kind: 'user', userId: 'D-ann' });
    const invitationId = offer?.event.kind === 'invitation_offer' ? offer.event.invitationId : '';
    expectErr(await core.accept(discordCaller('D-other'), { invitationId }), 'not_invitee');
    expectOk(await core.accept(discordCaller('D-ann'), { invitationId }));
    expect(expectOk(await core.whoAmI(discordCaller('D-ann'))).email).toBe('ann@x.test');
  });

  it('a Discord account linked to one email cannot take another email’s invitation', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    const { invited } = expectOk(await core.invite(admin, { emails: ['ann@x.test', 'bob@x.test'] }));
    const ann = discordCaller('D-ann');
    expectOk(await core.accept(ann, { code: invited[0]?.code ?? '' }));
    const before = await snapshot(core, store, admin);
    expectErr(await core.accept(ann, { code: invited[1]?.code ?? '' }), 'not_invitee');
    expect(await snapshot(core, store, admin)).toEqual(before);
  });

  it('a Slack caller is who their verified profile email says', async () => {
    const { core } = await make.bare();
    const boss = slackCaller('U1', 'boss@x.test');
    expectOk(await core.setup(boss, { orgName: 'Acme', isPlatformAdmin: true }));
    const { invited } = expectOk(await core.invite(boss, { emails: ['ann@x.test'] }));
    expectErr(await core.list(slackCaller('U2', 'ann@x.test'), { what: 'all' }), 'not_a_member');
    expectOk(await core.accept(slackCaller('U2', 'ann@x.test'), { code: invited[0]?.code ?? '' }));
    expect(expectOk(await core.whoAmI(slackCaller('U2', 'ann@x.test'))).role).toBe('member');
  });

  it('codes carry at least 128 bits and only their hash is stored', async () => {
    const { core, store } = await make.bare();
    await discordOrg(core);
    const emails = Array.from({ length: 40 }, (_, i) => `p${i}@x.test`);
    const codes = expectOk(await core.invite(admin, { emails })).invited.map((i) => i.code);
    expect(new Set(codes).size).toBe(40);
    // A lower bound: the alphabet actually used across 40 codes can only be smaller than the real one.
    const alphabet = new Set(codes.join('')).size;
    for (const code of codes) expect(code.length * Math.log2(alphabet)).toBeGreaterThanOrEqual(128);
    const everything = JSON.stringify(await snapshot(core, store, admin)).toLowerCase();
    for (const code of codes) expect(everything).not.toContain(code.toLowerCase());
    const hashes = await store.db.selectFrom('invitations').select('code_hash').execute();
    expect(new Set(hashes.map((h) => h.code_hash)).size).toBe(40);
  });
});
