import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { alice, type DiscordWorld, inGuild, NOTIFICATIONS, owner, startWorld } from './harness.ts';
import { setUpAcme } from './steps.ts';

const toDmChannels = new RegExp(`^/channels/(?!${NOTIFICATIONS})\\d+/messages$`);
const toNotifications = new RegExp(`^/channels/${NOTIFICATIONS}/messages$`);

describe('the Discord notifier delivers the outbox', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(async () => {
    await world.close();
  });

  it('a user with DMs closed is recorded in the activity and not retried', async () => {
    world.fake.fail({
      method: 'POST',
      path: toDmChannels,
      status: 403,
      code: 50007,
      message: 'Cannot send messages to this user',
    });
    await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });

    expect(await world.deliver()).toEqual({ delivered: 1, retried: 0, undeliverable: 1 });
    const attempts = () => world.fake.calls.filter((c) => c.method === 'POST' && toDmChannels.test(c.path)).length;
    expect(attempts()).toBe(1);

    world.clock.advance(HOUR);
    await world.deliver();
    expect(attempts()).toBe(1);
    const activity = await world.run(inGuild(owner), 'activity');
    expect(activity.content).toContain('could not deliver a notification to');
  });

  it('a server error is retried later and then delivered once', async () => {
    world.fake.fail({ method: 'POST', path: toNotifications, status: 502, times: 1 });
    await world.run(inGuild(owner), 'invite', { emails: 'bea@x.com' });

    expect(await world.deliver()).toEqual({ delivered: 0, retried: 1, undeliverable: 0 });
    expect(world.fake.messages.inChannel(NOTIFICATIONS)).toEqual([]);

    world.clock.advance(HOUR);
    expect(await world.deliver()).toEqual({ delivered: 1, retried: 0, undeliverable: 0 });
    expect(world.fake.messages.inChannel(NOTIFICATIONS).map((m) => m.content)).toEqual([
      '`owner@x.com` invited `bea@x.com` to **Acme** as Organization Member.',
    ]);
  });

  it('a rejected token and a missing permission are held for an admin, then delivered once: lost 0, duplicated 0', async () => {
    world.fake.fail({
      method: 'POST',
      path: toNotifications,
      status: 401,
      code: 0,
      message: '401: Unauthorized',
      times: 1,
    });
    await world.run(inGuild(owner), 'invite', { emails: 'bea@x.com' });
    expect(await world.deliver()).toEqual({ delivered: 0, retried: 1, undeliverable: 0 });

    world.fake.fail({
      method: 'POST',
      path: toNotifications,
      status: 403,
      code: 50001,
      message: 'Missing Access',
      times: 1,
    });
    world.clock.advance(HOUR);
    expect(await world.deliver()).toEqual({ delivered: 0, retried: 1, undeliverable: 0 });

    world.clock.advance(HOUR);
    expect(await world.deliver()).toEqual({ delivered: 1, retried: 0, undeliverable: 0 });
    world.clock.advance(24 * HOUR);
    expect(await world.deliver()).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    expect(world.fake.messages.inChannel(NOTIFICATIONS)).toHaveLength(1);
    const activity = await world.run(inGuild(owner), 'activity');
    expect(activity.content).toContain('is waiting for an admin to deliver a notification to');
  });

  it('channel posts never ping anyone', async () => {
    await world.run(inGuild(owner), 'invite', { emails: 'bea@x.com' });
    await world.deliver();
    const post = world.fake.calls.find((c) => c.method === 'POST' && toNotifications.test(c.path));
    expect(post?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('a person known only by email cannot be reached on Discord', async () => {
    const outcome = await world.adapter.notifier.deliver({
      id: 'n1',
      orgId: 'o1',
      platform: 'discord',
      workspaceId: '1',
      destination: { kind: 'email', email: 'bea@x.com' },
      event: { kind: 'invitation_expired', orgName: 'Acme', email: 'bea@x.com' },
      attempt: 1,
    });
    expect(outcome.status).toBe('undeliverable');
  });
});
