import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { Caller, MembershipCore, Result } from '../../../src/core/index.ts';
import type { ButtonRow } from '../components.ts';
import { errorText } from '../messages.ts';

export interface CommandContext {
  readonly core: MembershipCore;
  readonly caller: Caller;
  /** The usage of every subcommand, built from their definitions at start. */
  readonly helpText: string;
}

/** What a subcommand answers: always ephemeral, since almost every answer names people by email. */
export interface Reply {
  readonly content: string;
  readonly components?: ButtonRow[];
  /** `ok`, a core error code or `usage`: the metrics label. */
  readonly outcome: string;
}

/** One `/members` subcommand, as discord.js's bot template shapes a command. */
export interface Subcommand {
  readonly data: SlashCommandSubcommandBuilder;
  /** Which emails the core suggests for this subcommand's `email` option. */
  readonly autocomplete?: 'members' | 'pending';
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Reply>;
}

/** The core's Result as a reply: the rendered value, or the wording of the error code. */
export function answer<T>(result: Result<T>, render: (value: T) => string | Omit<Reply, 'outcome'>): Reply {
  if (!result.ok) {
    return { content: errorText(result.error), outcome: result.error.code };
  }
  const rendered = render(result.value);
  return typeof rendered === 'string' ? { content: rendered, outcome: 'ok' } : { ...rendered, outcome: 'ok' };
}

export function usage(content: string): Reply {
  return { content, outcome: 'usage' };
}
