import type { ChatInputCommandInteraction } from 'discord.js';
import type { CoreContext } from '../../../src/commands/handlers.ts';
import type { Result } from '../../../src/core/index.ts';
import { describeError } from '../../shared/wording.ts';
import type { MessageRow } from '../message-rows.ts';
import { messages } from '../messages.ts';

export interface CommandContext extends CoreContext {
  readonly interaction: ChatInputCommandInteraction;
  /** The usage of every subcommand, built from their definitions at start. */
  readonly helpText: string;
}

/** What a subcommand answers: always ephemeral, since almost every answer names people by email. */
export interface Reply {
  readonly content: string;
  readonly components?: MessageRow[];
  /** `ok`, a core error code or `usage`: the metrics label. */
  readonly outcome: string;
}

/** The core's Result as a reply: the rendered value, or the wording of the error code. */
export function answer<T>(result: Result<T>, render: (value: T) => string | Omit<Reply, 'outcome'>): Reply {
  if (!result.ok) {
    return { content: describeError(messages, result.error), outcome: result.error.code };
  }
  const rendered = render(result.value);
  return typeof rendered === 'string' ? { content: rendered, outcome: 'ok' } : { ...rendered, outcome: 'ok' };
}

export function usage(content: string): Reply {
  return { content, outcome: 'usage' };
}
