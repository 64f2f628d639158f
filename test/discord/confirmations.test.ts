import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf } from '../support/fake-discord.ts';
import { alice, bob, type DiscordWorld, inDm, inGuild, NOTIFICATIONS, owner, startWorld } from './harness.ts';
import { join, OWNER_EMAIL, setUpAcme } from './steps.ts';

const DANGER = 4;

describe('role changes, revocations, leaving and declining from Discord', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(async () => {
    await world.close();
  });

  it('an owner promotes a member after confirming, and the member is told by DM', async () => {
    await join(world, bob, 'bob@x.com');
    const asked = await world.run(inGuild(owner), 'role', { email: 'bob@x.com', role: 'owner' });
    expect(asked.content).toContain('Change the role of `bob@x.com` from Organization Member to Organization Owner?');
    if (!asked.message) throw new Error('no confirmation');
    expect(buttonsOf(asked.message)[0]).toMatchObject({ label: 'Make Organization Owner', style: DANGER });
    const done = await world.click(inGuild(owner), asked.message, 'Make Organization Owner');
    expect(done.content).toBe('`bob@x.com` is now Organization Owner (was Organization Member).');
    await world.deliver();
    expect(world.fake.dmsTo(bob.id).at(-1)?.content).toBe(
      '`owner@x.com` changed your role in **Acme** from Organization Member to Organization Owner.',
    );
  });

  it('the only owner cannot leave; a member leaves after confirming', async () => {
    const refused = await world.run(inGuild(owner), 'leave');
    expect(refused.content).toContain('You are the only Organization Owner');
    expect(refused.components).toEqual([]);

    await join(world, bob, 'bob@x.com');
    const asked = await world.run(inGuild(bob), 'leave');
    expect(asked.content).toContain('Leave **Acme**? You (`bob@x.com`) will no longer have access to it.');
    if (!asked.message) throw new Error('no confirmation');
    const left = await world.click(inGuild(bob), asked.message, 'Leave organization');
    expect(left.content).toBe('You left **Acme**.');
    await world.deliver();
    expect(world.fake.messages.inChannel(NOTIFICATIONS).at(-1)?.content).toBe('`bob@x.com` left **Acme**.');
  });

  it('an owner revokes a pending invitation; its DM buttons stop working', async () => {
    await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });
    await world.deliver();
    const asked = await world.run(inGuild(owner), 'revoke', { email: 'alice@x.com' });
    expect(asked.content).toContain(
      `Revoke the pending invitation of \`alice@x.com\` (Organization Member, invited by \`${OWNER_EMAIL}\`)?`,
    );
    if (!asked.message) throw new Error('no confirmation');
    await world.click(inGuild(owner), asked.message, 'Revoke invitation');

    const [offer] = world.fake.dmsTo(alice.id);
    if (!offer) throw new Error('no offer');
    const late = await world.click(inDm(world.fake, alice), offer, 'Accept');
    expect(late.content).toBe('That invitation is no longer open: it was revoked.');
    expect(offer.edits).toBe(0);
  });

  it('the invitee declines from the DM and the inviter hears of it', async () => {
    await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });
    await world.deliver();
    const [offer] = world.fake.dmsTo(alice.id);
    if (!offer) throw new Error('no offer');
    const declined = await world.click(inDm(world.fake, alice), offer, 'Decline');
    expect(declined.content).toBe('You declined the invitation of `alice@x.com` to **Acme**.');
    expect(offer.components).toEqual([]);
    await world.deliver();
    expect(world.fake.dmsTo(owner.id).at(-1)?.content).toBe('`alice@x.com` declined your invitation to **Acme**.');
  });
});
