import type { Writable } from 'node:stream';
import { createConsoleNotifier } from '../../adapters/console/index.ts';
import { createDiscordOutboxNotifier } from '../../adapters/discord/index.ts';
import { createSlackOutboxNotifier } from '../../adapters/slack/index.ts';
import type { Config } from '../config.ts';
import type { Clock, Notifier } from '../core/index.ts';
import type { Logger } from '../log.ts';
import { slackInstallations } from '../slack-installations.ts';
import type { Store } from '../store/connect.ts';

export interface SweepNotifiers {
  readonly notifiers: readonly Notifier[];
  /** Stops the clients' timers so the one-shot CLI can exit. */
  close(): void;
}

/**
 * The notifiers a one-shot sweep can use without connecting a bot: console lines on stdout, and
 * Slack and Discord over their Web/REST APIs when configured, each built by its adapter's public
 * factory. Like the bot's own clients they never retry by themselves: the outbox owns retrying.
 * In Slack distribution mode (SLACK_CLIENT_ID, no SLACK_BOT_TOKEN) each workspace's notices go out
 * with the token its installation stored, read from the database as the bot does (src/runtime.ts).
 */
export function sweepNotifiers(
  config: Config,
  deps: { output: Writable; log: Logger; clock: Clock; store: Store },
): SweepNotifiers {
  const notifiers: Notifier[] = [createConsoleNotifier(deps.output)];
  if (config.slack) {
    const installations = config.slack.oauth ? slackInstallations(deps.store, config.secretKey) : undefined;
    notifiers.push(createSlackOutboxNotifier(config.slack, { ...deps, installations }));
  }
  const discord = config.discord && createDiscordOutboxNotifier(config.discord);
  if (discord) notifiers.push(discord.notifier);
  return { notifiers, close: () => discord?.close() };
}
