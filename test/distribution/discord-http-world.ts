import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { DiscordWorld } from '../discord/harness.ts';
import { buildCore } from '../support/core-build.ts';
import { buttonsOf, FakeDiscord } from '../support/fake-discord.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

/** A fresh Ed25519 pair, as the developer portal shows the public half: 32 raw bytes in hex. */
export function discordKeyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

export interface HttpDiscordWorld extends DiscordWorld {
  readonly url: string;
  readonly privateKey: KeyObject;
}

/**
 * The Discord world of test/discord/harness.ts, with DISCORD_PUBLIC_KEY set and the gateway off:
 * the fake POSTs every interaction, signed, to the bot's /discord/interactions.
 */
export async function startHttpWorld(): Promise<HttpDiscordWorld> {
  const fake = await FakeDiscord.start();
  const store = await openTestStore('sqlite');
  const clock = manualClock();
  const core = buildCore(store, clock);
  const log = createLogger('silent');
  const metrics = createMetrics();
  const { privateKey, publicKeyHex } = discordKeyPair();
  const config = {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    publicKey: publicKeyHex,
    gateway: false,
  };
  const adapter = createDiscordAdapter({ core, config, log, metrics, clock });
  await adapter.start();
  const server = createHttpServer({ metrics, discord: adapter.interactions });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/discord/interactions`;
  fake.sendOverHttp([url], privateKey);
  return {
    fake,
    store,
    adapter,
    clock,
    url,
    privateKey,
    run: (source, subcommand, options = {}) => fake.answerTo(fake.sendCommand(source, subcommand, options)),
    click: (source, message, label) => {
      const button = buttonsOf(message).find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" on: ${message.content}`);
      return fake.answerTo(fake.clickButton(source, message, button.customId));
    },
    press: (source, message, customId) => fake.answerTo(fake.clickButton(source, message, customId)),
    deliver: () => dispatchNotifications({ store, clock, notifiers: [adapter.notifier], log, metrics }),
    async close() {
      await close(server);
      await adapter.stop();
      await fake.close();
      await store.close();
    },
  };
}
