import { once } from 'node:events';
import type { RequestListener } from 'node:http';
import { Events, REST } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';
import type { Clock, MembershipCore, Notifier } from '../../src/core/index.ts';
import type { Logger } from '../../src/log.ts';
import type { Metrics } from '../../src/metrics.ts';
import { createDiscordClient, restOptions } from './client.ts';
import { createInteractionsEndpoint } from './http/endpoint.ts';
import { guardInteractions } from './interaction-guard.ts';
import { listenForInteractions } from './interactions.ts';
import { createDiscordNotifier } from './notifier.ts';

export { registerDiscordCommands } from './register.ts';

export interface DiscordAdapterDeps {
  readonly core: MembershipCore;
  readonly config: DiscordConfig;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Unused so far: Discord renders times itself (`<t:…>`); kept so every adapter takes the same deps. */
  readonly clock: Clock;
}

export interface DiscordAdapter {
  /** Works before start() and after stop(): it needs only the REST client (discord.js's rate-limit queue). */
  readonly notifier: Notifier;
  /** POST /discord/interactions, when DISCORD_PUBLIC_KEY is set. */
  readonly interactions: RequestListener | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The outbox's Discord notifier on its own REST client, without a gateway connection: for a one-shot
 * worker that only delivers. `close` stops the client's timers so such a process can exit.
 */
export function createDiscordOutboxNotifier(config: DiscordConfig): { notifier: Notifier; close(): void } {
  const rest = new REST(restOptions(config)).setToken(config.token);
  return {
    notifier: createDiscordNotifier(rest),
    close: () => {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const client = createDiscordClient(deps.config);
  client.rest.setToken(deps.config.token);
  const log = deps.log.child({ adapter: 'discord' });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error) => log.warn({ err: error }, 'discord gateway connection error'));
  client.on(Events.Warn, (message) => log.warn(message));
  guardInteractions(client, log);
  listenForInteractions(client, { core: deps.core, log, metrics: deps.metrics });
  const { publicKey } = deps.config;
  return {
    notifier: createDiscordNotifier(client.rest, deps.config.token),
    interactions: publicKey ? createInteractionsEndpoint(client, publicKey, log) : undefined,
    async start() {
      if (deps.config.gateway === false) {
        log.info('Discord gateway off: interactions arrive over HTTP only');
        return;
      }
      const ready = once(client, Events.ClientReady);
      await client.login(deps.config.token);
      await ready;
      log.info({ user: client.user?.tag }, 'connected to the Discord gateway');
    },
    async stop() {
      await client.destroy();
      // destroy() also forgets the REST token; the outbox may still flush through the notifier.
      client.rest.setToken(deps.config.token);
    },
  };
}
