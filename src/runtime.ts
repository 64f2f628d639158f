import { hkdfSync } from 'node:crypto';
import type { Server } from 'node:http';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import type { Config } from './config.ts';
import { type Clock, createMembershipCore, type MembershipCore, type Notifier, systemClock } from './core/index.ts';
import { createEmailNotifier } from './email/smtp-notifier.ts';
import { createInvitationPage } from './http/invitation-page/handler.ts';
import { close, createHttpServer, listen } from './http/server.ts';
import { createDeliveryLoop, type DeliveryLoop, deliveringAfterWrites } from './jobs/delivery-loop.ts';
import { scheduleSweep } from './jobs/schedule.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { PLATFORM_FACTS } from './platforms.ts';
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

/**
 * Opens and migrates the database, builds the one core, starts the configured chat adapters, the
 * HTTP server (when a chat adapter runs) and the scheduled sweep.
 */
export async function startRuntime(config: Config, log: Logger): Promise<Runtime> {
  const store = await openStore(config.databaseUrl);
  const applied = await migrateToLatest(store);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const clock = systemClock;
  const metrics = createMetrics({ defaults: true });
  const notifiers: Notifier[] = [];
  const delivery = createDeliveryLoop({ store, clock, notifiers, log, metrics });
  const core = deliveringAfterWrites(
    createMembershipCore({
      store,
      clock,
      settings: {
        inviteTtlMs: config.inviteTtlMs,
        orgMaxMembers: config.orgMaxMembers,
        platforms: PLATFORM_FACTS,
        sendsEmail: config.email !== undefined,
      },
    }),
    delivery,
  );
  const adapterDeps = { core, log, metrics, clock };
  const slack = config.slack && createSlackAdapter({ ...adapterDeps, config: config.slack });
  const discord = config.discord && createDiscordAdapter({ ...adapterDeps, config: config.discord });
  for (const adapter of [slack, discord]) if (adapter) notifiers.push(adapter.notifier);
  const email = config.email && createEmailNotifier(config.email, clock);
  if (email) notifiers.push(email);
  // Derived from SMTP_URL, which every process shares, so a form served by one is accepted by any.
  const csrfKey =
    config.email && Buffer.from(hkdfSync('sha256', config.email.smtpUrl, 'rollcall', 'invitation-form', 32));
  const invitations =
    config.email && csrfKey && createInvitationPage({ core, clock, log, publicUrl: config.email.publicUrl, csrfKey });

  let server: Server | undefined;
  if (slack || discord || invitations) {
    server = createHttpServer({ metrics, slack: slack?.requestListener, invitations });
    const port = await listen(server, config.port);
    log.info({ port }, 'HTTP server listening (/healthz, /metrics, /slack/events)');
  }
  await slack?.start();
  await discord?.start();
  const sweep = scheduleSweep(config.expiryCron, { store, clock, delivery, log, metrics });
  delivery.kick(); // what an earlier run left queued goes out now

  return {
    core,
    store,
    clock,
    delivery,
    metrics,
    addNotifier: (notifier) => void notifiers.push(notifier),
    stop: async () => {
      sweep.stop();
      await slack?.stop();
      await discord?.stop();
      if (server) await close(server);
      await delivery.flush();
      email?.close();
      await store.close();
    },
  };
}
