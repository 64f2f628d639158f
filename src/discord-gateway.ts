import { leadDiscordGateway } from './discord-gateway-leader.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './store/connect.ts';
import { openSessionLock } from './store/session-lock.ts';

/** The Discord adapter's gateway seam (adapters/discord/index.ts). */
export interface DiscordGatewaySeam {
  start(): Promise<void>;
  connectGateway(): Promise<void>;
  disconnectGateway(): Promise<void>;
}

export interface DiscordGatewayOptions {
  readonly gateway: boolean;
  readonly applicationId: string;
  readonly store: Store;
  readonly databaseUrl: string;
  readonly log: Logger;
  readonly metrics: Metrics;
}

/**
 * Who logs in to the gateway. Off (DISCORD_GATEWAY=off): nobody, interactions come over HTTP. On
 * SQLite there is one process by definition: it logs in. On PostgreSQL several processes may share
 * the database: only the holder of the gateway lock logs in; resolves at once, without waiting to
 * win it, since a process standing by serves HTTP and delivers and so is ready. The lock is named
 * after the application, so two bots on one database do not block each other.
 */
export async function startDiscordGateway(
  discord: DiscordGatewaySeam,
  options: DiscordGatewayOptions,
): Promise<{ stop(): Promise<void> }> {
  const { metrics } = options;
  if (!options.gateway) {
    await discord.start();
    return { stop: async () => {} };
  }
  if (options.store.dialect === 'sqlite') {
    await discord.connectGateway();
    metrics.discordGatewayLeader.set(1);
    return {
      stop: async () => {
        metrics.discordGatewayLeader.set(0);
        await discord.disconnectGateway();
      },
    };
  }
  const name = `rollcall:discord-gateway:${options.applicationId}`;
  return leadDiscordGateway({
    gateway: { connect: () => discord.connectGateway(), disconnect: () => discord.disconnectGateway() },
    openLock: () => openSessionLock(options.databaseUrl, { name, pgSchema: options.store.pgSchema }),
    log: options.log,
    metrics,
  });
}
