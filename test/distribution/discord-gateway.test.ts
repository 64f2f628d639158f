import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { startDiscordGateway } from '../../src/discord-gateway.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import type { Store } from '../../src/store/connect.ts';
import { inGuild, owner } from '../discord/harness.ts';
import { buildCore } from '../support/core-build.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

async function gaugeOf(metrics: Metrics): Promise<number> {
  return (await metrics.discordGatewayLeader.get()).values[0]?.value ?? -1;
}

describe('who logs in to the Discord gateway, on SQLite', () => {
  let fake: FakeDiscord | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await fake?.close();
    await store?.close();
  });

  async function start(gateway: boolean) {
    fake = await FakeDiscord.start();
    store = await openTestStore('sqlite');
    const clock = manualClock();
    const metrics = createMetrics();
    const log = createLogger('silent');
    const config = {
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      ...(gateway ? {} : { gateway: false }),
    };
    const adapter = createDiscordAdapter({ core: buildCore(store, clock), config, log, metrics, clock });
    const options = { gateway, applicationId: fake.applicationId, store, databaseUrl: 'sqlite::memory:', log, metrics };
    const running = await startDiscordGateway(adapter, options);
    return { adapter, running, metrics };
  }

  it('the one process logs in at once, with no lock, and answers; stopping leaves the gateway', async () => {
    const { adapter, running, metrics } = await start(true);
    const discord = fake as FakeDiscord;
    expect(discord.gateway.sessions).toBe(1);
    expect(await gaugeOf(metrics)).toBe(1);
    expect((await discord.answerTo(discord.sendCommand(inGuild(owner), 'help'))).content).toContain('/members');
    await running.stop();
    await adapter.stop();
    await expect.poll(() => discord.gateway.sessions).toBe(0);
    expect(await gaugeOf(metrics)).toBe(0);
  });

  it('with the gateway off nobody logs in', async () => {
    const { adapter, running, metrics } = await start(false);
    expect(fake?.gateway.log.connections).toEqual([]);
    expect(await gaugeOf(metrics)).toBe(0);
    await running.stop();
    await adapter.stop();
  });
});
