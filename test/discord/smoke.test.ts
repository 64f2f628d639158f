import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiscordWorld, inGuild, owner, startWorld } from './harness.ts';

describe('smoke', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('answers help', async () => {
    const answer = await world.run(inGuild(owner), 'help');
    expect(answer.content).toContain('/members invite');
  });
});
