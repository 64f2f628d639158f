import { hkdfSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { Config } from './config.ts';
import {
  type Clock,
  createMembershipCore,
  type MembershipCore,
  type Notifier,
  type OrgChange,
  systemClock,
} from './core/index.ts';
import { startDiscordGateway } from './discord-gateway.ts';
import { createReadiness, probeStore } from './http/health.ts';
import { createInvitationPage } from './http/invitation-page/handler.ts';
import { close, createHttpServer, listen } from './http/server.ts';
import { createDeliveryLoop, type DeliveryLoop } from './jobs/delivery-loop.ts';
import { scheduleSweep } from './jobs/schedule.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { PLATFORM_FACTS } from './platforms.ts';
import { installProcessGuards } from './process-guards.ts';
import { migrateToLatest, openStore, type Store } from './store/connect.ts';

export interface Runtime {
  readonly core: MembershipCore;
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: DeliveryLoop;
  readonly metrics: Metrics;
  /** Adds the console's notifier when a terminal session runs beside the chat adapters. */
  addNotifier(notifier: Notifier): void;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Serve /healthz and /metrics even with no chat adapter (a console session given PORT). */
  readonly serveHttp?: boolean;
}

/**
 * Opens and migrates the database, builds the one core, starts the configured chat adapters, the
 * HTTP server (when a chat adapter runs, or when asked) and the scheduled sweep.
 */
export async function startRuntime(config: Config, log: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const metrics = createMetrics({ defaults: true });
  installProcessGuards(log, metrics);
  const store = await openStore(config.databaseUrl, {
    synchronous: config.sqliteSynchronous,
    onConnectionError: (error) => {
      metrics.storeErrors.inc({ kind: 'connection_lost' });
      log.error({ err: error }, 'database connection lost; the pool reconnects on the next query');
    },
  });
  const applied = await migrateToLatest(store);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const clock = systemClock;
  const notifiers: Notifier[] = [];
  const delivery = createDeliveryLoop({ store, clock, notifiers, log, metrics });
  // Adapters that show live state (the Slack Home) hear of each change; they start after the core.
  const changeListeners: ((change: OrgChange) => void)[] = [];
  const core = createMembershipCore({
    store,
    clock,
    settings: {
      inviteTtlMs: config.inviteTtlMs,
      orgMaxMembers: config.orgMaxMembers,
      platforms: PLATFORM_FACTS,
      sendsEmail: config.email !== undefined,
    },
    afterCommit: (change) => {
      delivery.kick();
      for (const listener of changeListeners) listener(change);
    },
  });
  const adapterDeps = { core, log, metrics, clock };
  // Imported only when configured: Bolt and discord.js cost a quarter of a second each to load.
  const slack =
    config.slack &&
    (await import('../adapters/slack/index.ts')).createSlackAdapter({
      ...adapterDeps,
      config: config.slack,
      ...(config.slack.oauth
        ? { installations: (await import('./slack-installations.ts')).slackInstallations(store, config.secretKey) }
        : {}),
    });
  const discord =
    config.discord &&
    (await import('../adapters/discord/index.ts')).createDiscordAdapter({ ...adapterDeps, config: config.discord });
  for (const adapter of [slack, discord]) if (adapter) notifiers.push(adapter.notifier);
  if (slack) changeListeners.push((change) => slack.orgChanged(change));
  // nodemailer, like the chat libraries, loads only when SMTP_URL is set.
  const email = config.email && (await import('./email/smtp-notifier.ts')).createEmailNotifier(config.email, clock);
  if (email) notifiers.push(email);
  // Derived from SMTP_URL, which every process shares, so a form served by one is accepted by any.
  const csrfKey =
    config.email && Buffer.from(hkdfSync('sha256', config.email.smtpUrl, 'rollcall', 'invitation-form', 32));
  const invitations =
    config.email && csrfKey && createInvitationPage({ core, clock, log, publicUrl: config.email.publicUrl, csrfKey });

  // /healthz answers 503 from the moment the server listens until every configured adapter has started.
  const readiness = createReadiness(probeStore(store));
  if (slack) readiness.expect('slack');
  if (discord) readiness.expect('discord');
  let server: Server | undefined;
  if (slack || discord || invitations || options.serveHttp) {
    server = createHttpServer({
      metrics,
      slack: slack?.requestListener,
      discord: discord?.interactions,
      health: readiness.check,
      invitations,
    });
    const port = await listen(server, config.port, config.host);
    log.info({ host: config.host, port }, 'HTTP server listening (/healthz, /metrics, /slack/events)');
  }
  let discordGateway: { stop(): Promise<void> } | undefined;
  const gatewayOptions = { store, databaseUrl: config.databaseUrl, log, metrics };
  await Promise.all([
    slack?.start().then(() => readiness.started('slack')),
    config.discord &&
      discord &&
      startDiscordGateway(discord, {
        ...gatewayOptions,
        gateway: config.discord.gateway !== false,
        applicationId: config.discord.applicationId,
      }).then((gateway) => {
        discordGateway = gateway;
        readiness.started('discord');
      }),
  ]);
  const sweep = scheduleSweep(config.expiryCron, {
    store,
    clock,
    delivery,
    log,
    metrics,
    outboxRetentionMs: config.outboxRetentionMs,
  });
  delivery.kick(); // what an earlier run left queued goes out now

  return {
    core,
    store,
    clock,
    delivery,
    metrics,
    addNotifier: (notifier) => void notifiers.push(notifier),
    stop: async () => {
      for (const name of ['slack', 'discord']) readiness.stopped(name);
      sweep.stop();
      await slack?.stop();
      await discordGateway?.stop(); // first, so no new login follows the adapter's stop
      await discord?.stop();
      if (server) await close(server);
      // What the last commands queued still goes out; each attempt is bounded by its deadline.
      await delivery.flush();
      await delivery.stop();
      email?.close();
      await store.close();
    },
  };
}
