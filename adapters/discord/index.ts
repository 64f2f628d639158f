import { once } from 'node:events';
import type { RequestListener } from 'node:http';
import { type Client, Events, REST } from 'discord.js';
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
  /** Logs in to the gateway unless DISCORD_GATEWAY=off (then interactions arrive over HTTP only). */
  start(): Promise<void>;
  /**
   * Logs in to the gateway and resolves once it is ready, whatever DISCORD_GATEWAY says: for the one
   * process that holds the gateway among several (src/discord-gateway.ts). Can follow a disconnect.
   */
  connectGateway(): Promise<void>;
  /** Leaves the gateway at once; the notifier and the HTTP endpoint keep working. */
  disconnectGateway(): Promise<void>;
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
  const log = deps.log.child({ adapter: 'discord' });
  const handlingClient = () => {
    const client = createDiscordClient(deps.config);
    client.rest.setToken(deps.config.token);
    client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
    client.on(Events.ShardError, (error) => log.warn({ err: error }, 'discord gateway connection error'));
    client.on(Events.Warn, (message) => log.warn(message));
    guardInteractions(client, log);
    listenForInteractions(client, { core: deps.core, log, metrics: deps.metrics });
    return client;
  };
  // Never logs in: the notifier and the HTTP endpoint need only its REST client, so they serve on a
  // process that does not hold the gateway, and keep serving while the gateway comes and goes.
  const restOnly = handlingClient();
  // A fresh client for each gateway login: discord.js cannot log a destroyed client in again.
  let gateway: { client: Client; connecting: AbortController } | undefined;
  const disconnectGateway = async () => {
    const leaving = gateway;
    gateway = undefined;
    if (!leaving) return;
    leaving.connecting.abort();
    await leaving.client.destroy();
    // destroy() forgets the token: give it back so replies that handlers are still sending go out.
    // The sweepers would keep the dropped client alive.
    leaving.client.rest.setToken(deps.config.token);
    leaving.client.rest.clearHashSweeper();
    leaving.client.rest.clearHandlerSweeper();
  };
  const connectGateway = async () => {
    await disconnectGateway();
    const current = { client: handlingClient(), connecting: new AbortController() };
    gateway = current;
    // Aborted by a disconnect while the login is under way, so the wait for READY never hangs.
    const ready = once(current.client, Events.ClientReady, { signal: current.connecting.signal });
    ready.catch(() => {}); // a login that fails first rejects below; this wait is then abandoned
    await current.client.login(deps.config.token);
    await ready;
    log.info({ user: current.client.user?.tag }, 'connected to the Discord gateway');
  };
  const { publicKey } = deps.config;
  return {
    notifier: createDiscordNotifier(restOnly.rest, deps.config.token),
    interactions: publicKey ? createInteractionsEndpoint(restOnly, publicKey, log) : undefined,
    async start() {
      if (deps.config.gateway === false) {
        log.info('Discord gateway off: interactions arrive over HTTP only');
        return;
      }
      await connectGateway();
    },
    connectGateway,
    disconnectGateway,
    async stop() {
      await disconnectGateway();
      await restOnly.destroy();
      // destroy() also forgets the REST token; the outbox may still flush through the notifier.
      restOnly.rest.setToken(deps.config.token);
    },
  };
}
