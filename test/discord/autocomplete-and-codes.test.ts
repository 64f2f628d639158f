import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeUser } from '../support/fake-discord.ts';
import { bob, type DiscordWorld, inGuild, owner, startWorld } from './harness.ts';
import { join, setUpAcme } from './steps.ts';

const carol: FakeUser = { id: '700000000000000004', username: 'carol' };

describe('autocomplete and invitation codes', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(async () => {
    await world.close();
  });

  it('suggests members for remove and pending invitees for revoke', async () => {
    await join(world, bob, 'bob@x.com');
    await world.run(inGuild(owner), 'invite', { emails: 'bea@x.com carl@x.com' });
    const members = await world.fake.answerTo(world.fake.sendAutocomplete(inGuild(owner), 'remove', 'email', 'b'));
    expect(members.choices).toEqual([{ name: 'bob@x.com', value: 'bob@x.com' }]);
    const pending = await world.fake.answerTo(world.fake.sendAutocomplete(inGuild(owner), 'revoke', 'email', ''));
    expect(pending.choices?.map((c) => c.value).sort()).toEqual(['bea@x.com', 'carl@x.com']);
  });

  it('suggests nothing to an unlinked user', async () => {
    const answer = await world.fake.answerTo(world.fake.sendAutocomplete(inGuild(carol), 'remove', 'email', ''));
    expect(answer.choices).toEqual([]);
  });

  it('shows the code once when no Discord user is given, and accept code: links the account', async () => {
    const invited = await world.run(inGuild(owner), 'invite', { emails: 'carol@x.com', role: 'billing-admin' });
    const code = /accept code:([^`]+)`/.exec(invited.content)?.[1];
    expect(code).toBeDefined();
    const accepted = await world.run(inGuild(carol), 'accept', { code: code ?? '' });
    expect(accepted.content).toContain('you joined as Organization Billing Admin (`carol@x.com`)');
    const list = await world.run(inGuild(carol), 'list', { what: 'members' });
    expect(list.content).toContain('`carol@x.com` Organization Billing Admin');
  });

  it('accept without a code explains where the invitation is', async () => {
    const answer = await world.run(inGuild(carol), 'accept');
    expect(answer.content).toContain('Click the button in the DM I sent you');
  });
});
