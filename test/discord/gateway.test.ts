import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiscordWorld, startWorld } from './harness.ts';

describe('the discord.js client against the fake gateway', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('discovers the gateway through DISCORD_API_URL and identifies with no intents', async () => {
    const { fake } = world;
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${fake.token}` });
    expect(fake.gateway.log.connections.map((q) => q.toString())).toEqual(['v=10&encoding=json']);
    expect(fake.gateway.log.identifies).toEqual([
      expect.objectContaining({ token: fake.token, intents: 0, shard: [0, 1] }),
    ]);
  });

  it('keeps the session alive with heartbeats the gateway acknowledges', async () => {
    await world.fake.gateway.heartbeat();
    expect(world.fake.gateway.log.heartbeats).toBeGreaterThan(0);
    expect(world.fake.gateway.sessions).toBe(1);
  });
});
