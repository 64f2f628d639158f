import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, FakeDiscord } from '../support/fake-discord.ts';
import { bob, type DiscordWorld, inDm, inGuild, NOTIFICATIONS, owner, startWorld } from './harness.ts';
import { join, setUpAcme } from './steps.ts';

/** Someone reading #rollcall, where the Approve and Deny card is posted. */
const inNotifications = (user: typeof owner) => ({ ...inGuild(user), channelId: NOTIFICATIONS });

describe('requests from Discord', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
    await join(world, bob, 'bob@x.com');
  });
  afterEach(async () => {
    await world.close();
  });

  async function card() {
    await world.deliver();
    const posted = world.fake.messages.inChannel(NOTIFICATIONS).find((m) => m.content.includes('asks the owners'));
    if (!posted) throw new Error('no request card in the channel');
    return posted;
  }

  it('a member asks for a role; their own Approve click is refused; an owner denies; the card says so', async () => {
    const asked = await world.run(inGuild(bob), 'request', { role: 'billing-admin' });
    expect(asked.content).toContain('Asked the owners of **Acme** for the role Organization Billing Admin');
    const posted = await card();
    expect(buttonsOf(posted).map((b) => b.label)).toEqual(['Approve', 'Deny']);

    const refused = await world.click(inNotifications(bob), posted, 'Approve');
    expect(refused.content).toBe('Only an Organization Owner can do that.');
    expect(FakeDiscord.isEphemeral(refused)).toBe(true);
    expect(posted.edits).toBe(0);

    const denied = await world.click(inNotifications(owner), posted, 'Deny');
    expect(denied.content).toBe(
      '`owner@x.com` denied the request of `bob@x.com` for the role Organization Billing Admin.',
    );
    expect(posted.components).toEqual([]);
    await world.deliver();
    expect(world.fake.dmsTo(bob.id).at(-1)?.content).toBe(
      'Your request to **Acme** for the role Organization Billing Admin was denied by `owner@x.com`.',
    );
  });

  it('Ask an owner under a refused invite; an owner approves and the invitation exists', async () => {
    const refused = await world.run(inGuild(bob), 'invite', { emails: 'cto@x.com', role: 'owner' });
    expect(refused.content).toContain('An owner can do it for you.');
    if (!refused.message) throw new Error('no reply message');
    const asked = await world.click(inGuild(bob), refused.message, 'Ask an owner');
    expect(asked.content).toContain('Asked the owners of **Acme** for an invitation as Organization Owner');
    const posted = await card();
    const approved = await world.click(inNotifications(owner), posted, 'Approve');
    expect(approved.content).toContain('`owner@x.com` approved the request of `bob@x.com`');
    expect(approved.content).not.toMatch(/[A-Z2-9]{32}/);
    const pending = await world.run(inGuild(owner), 'list', { what: 'pending' });
    expect(pending.content).toContain('cto@x.com');
  });
});

describe('requests from Discord in an organization without a channel', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    const setup = await world.run(inGuild(owner, { manageServer: true }), 'setup', {
      name: 'Acme',
      email: 'owner@x.com',
    });
    expect(setup.content).toContain('**Acme** is set up');
    await join(world, bob, 'bob@x.com');
  });
  afterEach(async () => {
    await world.close();
  });

  it('the owner is asked by DM; Approve there (the button names the server) settles it', async () => {
    await world.run(inGuild(bob), 'request', { role: 'billing-admin' });
    await world.deliver();
    const asked = world.fake.dmsTo(owner.id).find((m) => m.content.includes('asks the owners'));
    if (!asked) throw new Error('no request DM reached the owner');
    expect(buttonsOf(asked).map((b) => b.label)).toEqual(['Approve', 'Deny']);
    const approved = await world.click(inDm(world.fake, owner), asked, 'Approve');
    expect(approved.content).toContain('`owner@x.com` approved the request of `bob@x.com`');
    await world.deliver();
    expect(world.fake.dmsTo(bob.id).at(-1)?.content).toContain('was approved by `owner@x.com`');
  });
});
