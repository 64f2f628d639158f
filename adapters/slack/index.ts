import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import type { Clock, MembershipCore, Notifier, OrgChange } from '../../src/core/index.ts';
import type { Logger } from '../../src/log.ts';
import type { Metrics } from '../../src/metrics.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { isPlatformError, SlackDirectory } from './directory.ts';
import { HomePublisher } from './home/publisher.ts';
import { registerAppHome } from './listeners/app-home.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerCommand } from './listeners/command.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { registerHomeInvite } from './listeners/home-invite.ts';
import { registerInviteSubmission } from './listeners/invite-submission.ts';
import { registerPages } from './listeners/pages.ts';
import { registerRetryGuard } from './listeners/retry-guard.ts';
import { registerRowMenu } from './listeners/row-menu.ts';
import { registerRowModals } from './listeners/row-modals.ts';
import { registerTransferPicker } from './listeners/transfer-picker.ts';
import { registerUserChange } from './listeners/user-change.ts';
import { createSlackNotifier } from './notifier.ts';
import type { SlackInstallationPort } from './oauth/installation-store.ts';
import { oauthReceiver } from './oauth/receiver.ts';
import { registerUninstall } from './oauth/uninstall.ts';
import { refusingMalformedPayloads } from './payload-guard.ts';

export interface SlackAdapterDeps {
  readonly core: MembershipCore;
  readonly config: SlackConfig;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly clock: Clock;
  /** Distribution mode (SLACK_CLIENT_ID): where each workspace's installation is kept. */
  readonly installations?: SlackInstallationPort;
  /** How long the Home gathers a burst of changes before republishing (tests shorten it). */
  readonly homeDebounceMs?: number;
}

export type { SlackInstallationPort, SlackInstallationRecord } from './oauth/installation-store.ts';

export interface SlackAdapter {
  readonly notifier: Notifier;
  /** Mount on POST /slack/events (src/http/server.ts); undefined in Socket Mode. */
  readonly requestListener: RequestListener | undefined;
  /** Told after every commit which organizations changed: their open Home tabs are republished. */
  orgChanged(change: OrgChange): void;
  /** Checks the bot token (auth.test) and connects Socket Mode; events are refused until it ran. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A notice post past this is a temporary failure the outbox retries (Slack answers in well under a second). */
const DELIVERY_TIMEOUT_MS = 3_000;

/** A command is interactive: one quick retry at most, then the user hears about it. */
const INTERACTIVE_RETRIES = { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 };

/**
 * The receiver, and whether it is Socket Mode. Said here rather than asked with `instanceof
 * SocketModeReceiver`, which would load Socket Mode's client (and undici) in HTTP mode too: the
 * build defers that module until it is used (scripts/defer-modules.js).
 */
function receiverFor(deps: SlackAdapterDeps, logger: ReturnType<typeof toBoltLogger>) {
  const { config } = deps;
  if (config.oauth) {
    if (config.signingSecret === undefined || !deps.installations)
      throw new Error('Slack distribution needs SLACK_SIGNING_SECRET and an installation store');
    const { oauth, signingSecret, apiUrl } = config;
    const receiver = oauthReceiver({
      oauth,
      signingSecret,
      apiUrl,
      installations: deps.installations,
      logger,
      now: deps.clock,
    });
    return { receiver, socketMode: false };
  }
  const apiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  if (config.appToken !== undefined) {
    const clientOptions = { clientOptions: apiUrl };
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: clientOptions });
    return { receiver, socketMode: true };
  }
  if (config.signingSecret === undefined) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
  return { receiver: new HTTPReceiver({ signingSecret: config.signingSecret, logger }), socketMode: false };
}

/**
 * The outbox's Slack notifier on its own WebClient, which never retries by itself: the outbox owns
 * retrying (with backoff, across restarts). Usable without Bolt, e.g. by a worker that only delivers.
 */
export function createSlackOutboxNotifier(
  config: SlackConfig,
  deps: { log: Logger; clock: Clock; installations?: SlackInstallationPort | undefined },
): Notifier {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
    logger: toBoltLogger(deps.log),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: DELIVERY_TIMEOUT_MS,
  });
  const tokenFor = tokenLookup(deps.installations);
  const directory = new SlackDirectory(client, deps.clock, tokenFor);
  return createSlackNotifier({ client, directory, clock: deps.clock, ...(tokenFor ? { tokenFor } : {}) });
}

function tokenLookup(installations: SlackInstallationPort | undefined) {
  return installations && (async (teamId: string) => (await installations.find(teamId))?.botToken);
}

/** The Slack adapter: a Bolt App translating commands, buttons and the invite modal onto the core. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config } = deps;
  const apiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  const logger = toBoltLogger(deps.log);
  const { receiver, socketMode } = receiverFor(deps, logger);
  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    // Over a method's rate tier Slack names a wait (often a minute) that would outlast the command's
    // 3 seconds: the call fails at once instead, and each caller decides (a rate-limited lookup
    // by email counts as "not in the workspace", so the inviter gets the code to forward).
    clientOptions: { ...apiUrl, retryConfig: INTERACTIVE_RETRIES, rejectRateLimitedCalls: true },
    // Bolt would otherwise call auth.test from its constructor, and an unreachable Slack at that
    // moment becomes an unhandled rejection; start() runs it instead and reports a failure.
    deferInitialization: true,
    convoStore: false, // Bolt's conversation store was 1.2% of CPU per command, and nothing reads it.
  });
  const tokenFor = tokenLookup(deps.installations);
  const directory = new SlackDirectory(app.client, deps.clock, tokenFor);
  const listenerDeps: ListenerDeps = { ...deps, directory };
  const home = new HomePublisher({ ...listenerDeps, client: app.client, tokenFor, debounceMs: deps.homeDebounceMs });
  registerRetryGuard(app);
  registerCommand(app, listenerDeps);
  registerButtons(app, listenerDeps);
  registerTransferPicker(app, listenerDeps);
  registerInviteSubmission(app, listenerDeps);
  registerAppHome(app, listenerDeps, home);
  registerHomeInvite(app, listenerDeps);
  registerRowMenu(app, listenerDeps, home);
  registerRowModals(app, listenerDeps);
  registerPages(app, listenerDeps, home);
  registerUserChange(app, listenerDeps);
  if (deps.installations) registerUninstall(app, deps.installations, deps.log);

  const notifier = createSlackOutboxNotifier(config, deps);

  return {
    notifier,
    requestListener: receiver instanceof HTTPReceiver ? httpListener(receiver, deps.log) : undefined,
    orgChanged: (change) => home.changed(change),
    start: async () => {
      try {
        await app.init();
      } catch (error) {
        const verdict = isPlatformError(error) ? 'Slack did not accept the bot token' : 'Slack could not be reached';
        throw new Error(`${verdict} (auth.test): ${reasonOf(error)}`);
      }
      if (socketMode) await app.start();
    },
    stop: async () => {
      home.stop();
      if (socketMode) await app.stop();
    },
  };
}

/** Events and interactions pass the payload guard; the OAuth pages (GET, no body) go straight to Bolt. */
function httpListener(receiver: HTTPReceiver, log: Logger): RequestListener {
  const guarded = refusingMalformedPayloads(receiver.requestListener, (reason) =>
    log.warn({ reason }, 'refused a malformed Slack request'),
  );
  return (req, res) => (req.method === 'GET' ? receiver.requestListener(req, res) : guarded(req, res));
}

function reasonOf(error: unknown): string {
  if (isPlatformError(error)) return error.data.error;
  return error instanceof Error ? error.message : String(error);
}
