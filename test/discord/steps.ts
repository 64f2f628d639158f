import { expect } from 'vitest';
import type { FakeUser } from '../support/fake-discord.ts';
import { type DiscordWorld, inDm, inGuild, NOTIFICATIONS, owner } from './harness.ts';

export const OWNER_EMAIL = 'owner@x.com';

/** Olivia, who has Manage Server, creates Acme and points notifications at #rollcall. */
export async function setUpAcme(world: DiscordWorld): Promise<void> {
  const setup = await world.run(inGuild(owner, { manageServer: true }), 'setup', { name: 'Acme', email: OWNER_EMAIL });
  expect(setup.content).toContain('**Acme** is set up');
  const channel = await world.run(inGuild(owner), 'channel', { channel: { channel: NOTIFICATIONS } });
  expect(channel.content).toContain(`<#${NOTIFICATIONS}>`);
}

/** The owner invites `user` by email with the `user` option; the DM goes out; they click Accept. */
export async function join(world: DiscordWorld, user: FakeUser, email: string): Promise<void> {
  await world.run(inGuild(owner), 'invite', { emails: email, user: { user } });
  await world.deliver();
  const offer = world.fake.dmsTo(user.id).find((m) => m.content.includes('invited you'));
  if (!offer) throw new Error(`no invitation DM reached ${user.username}`);
  const accepted = await world.click(inDm(world.fake, user), offer, 'Accept');
  expect(accepted.content).toContain('Welcome to **Acme**');
}
