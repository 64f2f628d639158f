import type { Writable } from 'node:stream';
import { createConsoleNotifier } from '../../adapters/console/index.ts';
import { createDiscordOutboxNotifier } from '../../adapters/discord/index.ts';
import { createSlackOutboxNotifier } from '../../adapters/slack/index.ts';
import type { Config } from '../config.ts';
import type { Clock, Notifier } from '../core/index.ts';
import type { Logger } from '../log.ts';

export interface SweepNotifiers {
  readonly notifiers: readonly Notifier[];
  /** Stops the clients' timers so the one-shot CLI can exit. */
  close(): void;
}

/**
 * The notifiers a one-shot sweep can use without connecting a bot: console lines on stdout, and
 * Slack and Discord over their Web/REST APIs when configured, each built by its adapter's public
 * factory. Like the bot's own clients they never retry by themselves: the outbox owns retrying.
 */
export function sweepNotifiers(config: Config, deps: { output: Writable; log: Logger; clock: Clock }): SweepNotifiers {
  const notifiers: Notifier[] = [createConsoleNotifier(deps.output)];
  if (config.slack) notifiers.push(createSlackOutboxNotifier(config.slack, deps));
  const discord = config.discord && createDiscordOutboxNotifier(config.discord);
  if (discord) notifiers.push(discord.notifier);
  return { notifiers, close: () => discord?.close() };
}
