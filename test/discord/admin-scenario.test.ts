import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, FakeDiscord } from '../support/fake-discord.ts';
import { alice, type DiscordWorld, inDm, inGuild, NOTIFICATIONS, owner, startWorld } from './harness.ts';
import { OWNER_EMAIL, setUpAcme } from './steps.ts';

const DANGER = 4;
const CALLBACK_DEFERRED_REPLY = 5;

describe('a Discord server admin runs the organization end to end', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('sets up, invites Alice by DM, sees her join, removes her with the confirm button', async () => {
    const { fake } = world;
    await setUpAcme(world);

    const invited = await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });
    expect(invited.content).toContain('`alice@x.com` as Organization Member');
    expect(invited.content).toContain(`I will DM <@${alice.id}> Accept and Decline buttons`);
    expect(FakeDiscord.isEphemeral(invited)).toBe(true);

    await world.deliver();
    const [offer] = fake.dmsTo(alice.id);
    expect(offer?.content).toContain('`owner@x.com` invited you (`alice@x.com`) to join **Acme**');
    expect(offer && buttonsOf(offer).map((b) => b.label)).toEqual(['Accept', 'Decline']);
    expect(fake.messages.inChannel(NOTIFICATIONS).map((m) => m.content)).toContain(
      '`owner@x.com` invited `alice@x.com` to **Acme** as Organization Member.',
    );

    if (!offer) throw new Error('no offer');
    const accepted = await world.click(inDm(fake, alice), offer, 'Accept');
    expect(accepted.via).toBe('edit');
    expect(accepted.content).toContain('you joined as Organization Member (`alice@x.com`)');
    expect(offer.components).toEqual([]);

    const aliceList = await world.run(inGuild(alice), 'list');
    expect(aliceList.content).toMatch(/• `alice@x.com` Organization Member, joined/);
    const ownerList = await world.run(inGuild(owner), 'list', { what: 'members' });
    expect(ownerList.content).toContain('`alice@x.com` Organization Member');
    expect(ownerList.content).toContain(`\`${OWNER_EMAIL}\` Organization Owner`);

    const asked = await world.run(inGuild(owner), 'remove', { email: 'alice@x.com' });
    expect(asked.content).toContain('Remove `alice@x.com` (Organization Member) from the organization?');
    expect(FakeDiscord.isEphemeral(asked)).toBe(true);
    const confirmation = asked.message;
    if (!confirmation) throw new Error('the confirmation is not a message');
    const danger = buttonsOf(confirmation).find((b) => b.label === 'Remove member');
    expect(danger?.style).toBe(DANGER);
    expect(buttonsOf(confirmation).map((b) => b.label)).toContain('Cancel');

    const removed = await world.click(inGuild(owner), confirmation, 'Remove member');
    expect(removed.via).toBe('edit');
    expect(confirmation.content).toMatch(/^Removed `alice@x\.com` from the organization\.\nOnly you can undo this;/);
    // The confirm and cancel buttons are gone; only the removal's Undo is left (SPEC §12).
    expect(buttonsOf(confirmation).map((b) => b.label)).toEqual(['Undo']);

    await world.deliver();
    expect(fake.dmsTo(alice.id).at(-1)?.content).toBe('`owner@x.com` removed you (`alice@x.com`) from **Acme**.');
    expect(fake.messages.inChannel(NOTIFICATIONS).at(-1)?.content).toBe(
      '`owner@x.com` removed `alice@x.com` from **Acme**.',
    );

    const afterwards = await world.run(inGuild(alice), 'list');
    expect(afterwards.content).toContain('not a member');
  });

  it('defers every command first, so slow work never misses the 3-second window', async () => {
    await setUpAcme(world);
    const callbacks = world.fake.calls.filter((c) => c.path.endsWith('/callback'));
    expect(callbacks.length).toBe(2);
    for (const call of callbacks) expect(call.body).toEqual({ type: CALLBACK_DEFERRED_REPLY, data: { flags: 64 } });
  });
});
