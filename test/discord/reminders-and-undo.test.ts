import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { endMemberships } from '../../src/jobs/end-memberships.ts';
import { sendReminders } from '../../src/jobs/send-reminders.ts';
import { buttonsOf, FakeDiscord } from '../support/fake-discord.ts';
import { alice, bob, type DiscordWorld, GUILD, inDm, inGuild, owner, startWorld } from './harness.ts';
import { join, setUpAcme } from './steps.ts';

const DAY = 24 * HOUR;

/** The custom ids of an answer's buttons (components of action rows). */
function customIds(components: unknown[]): string[] {
  const rows = components as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((row) => (row.components ?? []).map((button) => button.custom_id ?? ''));
}

describe('reminders, time limits and Undo from Discord', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(async () => {
    await world.close();
  });

  it('DMs the inviter Resend and Revoke naming the server; Resend renews, Revoke asks for confirmation', async () => {
    await world.run(inGuild(owner), 'invite', { emails: 'carol@elsewhere.com' });
    await world.deliver();
    world.clock.advance(24 * HOUR);
    expect(await sendReminders(world.store, world.clock())).toBe(1);
    await world.deliver();
    const reminder = world.fake.dmsTo(owner.id).find((m) => m.content.includes('expires'));
    if (!reminder) throw new Error('no reminder DM');
    expect(reminder.content).toContain('Your invitation of `carol@elsewhere.com` to **Acme** expires');
    expect(buttonsOf(reminder).map((b) => [b.label, b.customId])).toEqual([
      ['Resend', `rollcall:resend:carol@elsewhere.com:${GUILD}`],
      ['Revoke', `rollcall:revoke:carol@elsewhere.com:${GUILD}`],
    ]);

    const [, revoke] = buttonsOf(reminder);
    const renewed = await world.click(inDm(world.fake, owner), reminder, 'Resend');
    expect(renewed.content).toContain('Resent; the old code no longer works.');

    // Revoke from a copy of the reminder still showing both buttons.
    const asked = await world.press(inDm(world.fake, owner), reminder, revoke?.customId ?? '');
    expect(asked.via).toBe('followup');
    expect(FakeDiscord.isEphemeral(asked)).toBe(true);
    expect(asked.content).toContain('Revoke the pending invitation of `carol@elsewhere.com`');
    const [confirm] = customIds(asked.components);
    const done = await world.press(inDm(world.fake, owner), reminder, confirm ?? '');
    expect(done.content).toContain('carol@elsewhere.com');
    const pending = await world.run(inGuild(owner), 'list', { what: 'pending' });
    expect(pending.content).not.toContain('carol@elsewhere.com');
  });

  it('invites with the `for` option, lists the end, extends by subcommand and by the Extend button in a DM', async () => {
    await join(world, bob, 'bob@x.com');
    const invited = await world.run(inGuild(owner), 'invite', {
      emails: 'alice@x.com',
      user: { user: alice },
      for: '30d',
    });
    expect(invited.content).toContain('as Organization Member, for 30 days');
    const refused = await world.run(inGuild(owner), 'invite', { emails: 'dan@x.com', for: 'forever' });
    expect(refused.content).toContain('`forever` is not a duration');
    await world.deliver();
    const offer = world.fake.dmsTo(alice.id).find((m) => m.content.includes('invited you'));
    if (!offer) throw new Error('no offer');
    await world.click(inDm(world.fake, alice), offer, 'Accept');

    const list = await world.run(inGuild(owner), 'list', { what: 'members' });
    expect(list.content).toMatch(/`alice@x\.com` Organization Member, joined <t:\d+:d>, ends <t:\d+:R>/);
    const extended = await world.run(inGuild(owner), 'extend', { email: 'alice@x.com', duration: '1w' });
    expect(extended.content).toContain('Extended `alice@x.com` by 1 week');
    const notOwner = await world.run(inGuild(bob), 'extend', { email: 'alice@x.com', duration: '1w' });
    expect(notOwner.content).toContain('Only an Organization Owner');

    // 37 days after joining it ends; the notice is due a tenth of the last term (1 week) before.
    world.clock.advance(36.5 * DAY);
    expect(await endMemberships(world.store, world.clock())).toEqual({ ended: 0, noticed: 1 });
    await world.deliver();
    const ending = world.fake.dmsTo(owner.id).find((m) => m.content.includes('ends'));
    if (!ending) throw new Error('no ending notice');
    expect(buttonsOf(ending).map((b) => b.label)).toEqual(['Extend', 'Let it end']);
    const [extend] = buttonsOf(ending);
    const letEnd = await world.click(inDm(world.fake, owner), ending, 'Let it end');
    expect(letEnd.content).toBe('OK: the membership of `alice@x.com` will end as planned. Nothing changed.');
    const again = await world.press(inDm(world.fake, owner), ending, extend?.customId ?? '');
    expect(again.content).toContain('Extended `alice@x.com` by 1 week');
  });

  it('offers Undo on a removal to the owner who removed, and refuses it to another owner', async () => {
    await join(world, bob, 'bob@x.com');
    await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice }, role: 'owner' });
    await world.deliver();
    const offer = world.fake.dmsTo(alice.id).find((m) => m.content.includes('invited you'));
    if (!offer) throw new Error('no offer');
    await world.click(inDm(world.fake, alice), offer, 'Accept');
    const asked = await world.run(inGuild(owner), 'remove', { email: 'bob@x.com' });
    if (!asked.message) throw new Error('no confirmation');
    const removed = await world.click(inGuild(owner), asked.message, 'Remove member');
    expect(removed.content).toContain('Only you can undo this');
    const [undo] = customIds(removed.components);
    expect(undo).toMatch(/^rollcall:undo:/);

    const foreign = await world.press(inGuild(alice), asked.message, undo ?? '');
    expect(FakeDiscord.isEphemeral(foreign)).toBe(true);
    expect(foreign.content).toBe('Only the owner who removed them can undo it.');

    const undone = await world.press(inGuild(owner), asked.message, undo ?? '');
    expect(undone.content).toBe('Undone: `bob@x.com` is back as Organization Member.');
    const list = await world.run(inGuild(owner), 'list', { what: 'members' });
    expect(list.content).toContain('bob@x.com');
  });
});
