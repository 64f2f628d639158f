import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiscordWorld, inGuild, owner, startWorld } from './harness.ts';

describe('an unexpected failure', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('shows the user a reference id and nothing of the error', async () => {
    await world.store.close(); // the database goes away under the running bot
    const answer = await world.run(inGuild(owner), 'list');
    expect(answer.content).toMatch(/^Something went wrong on my side \(reference `[0-9a-f]{8}`\)/);
    expect(answer.content).not.toMatch(/sqlite|database|Error/i);
  });
});
