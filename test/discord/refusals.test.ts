import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { buttonsOf } from '../support/fake-discord.ts';
import { alice, bob, type DiscordWorld, inGuild, owner, startWorld } from './harness.ts';
import { join, OWNER_EMAIL, setUpAcme } from './steps.ts';

describe('the Discord adapter relays the core refusals and changes nothing', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('a member without Manage Server cannot set up the organization', async () => {
    const refused = await world.run(inGuild(bob), 'setup', { name: 'Bobco', email: 'bob@x.com' });
    expect(refused.content).toContain('Only members with the **Manage Server** or **Administrator** permission');
    const list = await world.run(inGuild(bob), 'list');
    expect(list.content).toContain('This server has no organization yet');
  });

  it('a member with Administrator but not Manage Server can set up', async () => {
    const source = { ...inGuild(owner), permissions: ((1n << 3n) | (1n << 31n)).toString() };
    const answer = await world.run(source, 'setup', { name: 'Acme', email: OWNER_EMAIL });
    expect(answer.content).toContain('**Acme** is set up');
  });

  it('a member cannot remove someone, and gets no confirm button', async () => {
    await setUpAcme(world);
    await join(world, bob, 'bob@x.com');
    const refused = await world.run(inGuild(bob), 'remove', { email: OWNER_EMAIL });
    expect(refused.content).toBe('Only an Organization Owner can do that.');
    expect(refused.components).toEqual([]);
  });

  it('an unlinked Discord user cannot list the members', async () => {
    await setUpAcme(world);
    const refused = await world.run(inGuild(alice), 'list');
    expect(refused.content).toContain('Your Discord account is not linked');
    expect(refused.content).not.toContain(OWNER_EMAIL);
  });

  it('a click on someone else’s confirmation, and a second click, change nothing and say why', async () => {
    await setUpAcme(world);
    await join(world, bob, 'bob@x.com');
    const asked = await world.run(inGuild(owner), 'remove', { email: 'bob@x.com' });
    const confirmation = asked.message;
    if (!confirmation) throw new Error('no confirmation message');

    const confirmId = buttonsOf(confirmation).find((b) => b.label === 'Remove member')?.customId ?? '';
    const foreign = await world.click(inGuild(bob), confirmation, 'Remove member');
    expect(foreign.via).toBe('followup');
    expect(foreign.content).toBe('Only the person who asked can confirm or cancel this: nothing changed.');
    expect(confirmation.edits).toBe(1);

    const confirmed = await world.click(inGuild(owner), confirmation, 'Remove member');
    expect(confirmed.content).toContain('Removed `bob@x.com` from the organization.');
    expect(confirmation.edits).toBe(2);

    const again = await world.press(inGuild(owner), confirmation, confirmId);
    expect(again.via).toBe('followup');
    expect(again.content).toBe('This was already confirmed: it ran once and will not run again.');
    expect(confirmation.edits).toBe(2);
    expect(confirmation.content).toContain('Removed `bob@x.com` from the organization.');
  });

  it('a click after 15 minutes changes nothing and says the confirmation expired', async () => {
    await setUpAcme(world);
    await join(world, bob, 'bob@x.com');
    const asked = await world.run(inGuild(owner), 'remove', { email: 'bob@x.com' });
    if (!asked.message) throw new Error('no confirmation message');
    world.clock.advance(16 * MINUTE);
    const stale = await world.click(inGuild(owner), asked.message, 'Remove member');
    expect(stale.content).toBe('This confirmation expired after 15 minutes: nothing changed. Run the command again.');
    expect(asked.message.edits).toBe(1);
    const list = await world.run(inGuild(owner), 'list', { what: 'members' });
    expect(list.content).toContain('`bob@x.com` Organization Member');
  });

  it('cancel replaces the confirmation and nothing is removed', async () => {
    await setUpAcme(world);
    await join(world, bob, 'bob@x.com');
    const asked = await world.run(inGuild(owner), 'remove', { email: 'bob@x.com' });
    if (!asked.message) throw new Error('no confirmation message');
    const cancelled = await world.click(inGuild(owner), asked.message, 'Cancel');
    expect(cancelled.content).toContain('Cancelled');
    expect(asked.message.components).toEqual([]);
    const list = await world.run(inGuild(owner), 'list', { what: 'members' });
    expect(list.content).toContain('`bob@x.com` Organization Member');
  });

  it('someone else cannot click Accept on an invitation addressed to another account', async () => {
    await setUpAcme(world);
    await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });
    await world.deliver();
    const [offer] = world.fake.dmsTo(alice.id);
    if (!offer) throw new Error('no offer');
    const dmChannel = world.fake.dmChannelOf(alice.id) ?? '';
    const stolen = await world.click({ kind: 'dm', channelId: dmChannel, user: bob }, offer, 'Accept');
    expect(stolen.content).toBe('That invitation was addressed to someone else.');
    expect(offer.edits).toBe(0);
  });

  it('the user option needs exactly one email', async () => {
    await setUpAcme(world);
    const answer = await world.run(inGuild(owner), 'invite', { emails: 'a@x.com b@x.com', user: { user: alice } });
    expect(answer.content).toContain('exactly one email');
    const list = await world.run(inGuild(owner), 'list', { what: 'pending' });
    expect(list.content).toContain('Pending invitations (0)');
  });
});
