import type { ChatInputCommandInteraction } from 'discord.js';
import type { ArgSpec } from '../../../src/commands/args.ts';
import { COMMANDS, type CommandName, type ResolvedArgs } from '../../../src/commands/table.ts';
import { splitWords } from '../../../src/commands/words.ts';

function readOption(interaction: ChatInputCommandInteraction, arg: ArgSpec): unknown {
  const name = arg.label ?? arg.name;
  const required = arg.optional !== true;
  switch (arg.kind) {
    case 'emails':
      return splitWords(interaction.options.getString(name, required) ?? '');
    case 'page':
      return interaction.options.getInteger(name, required)?.toString();
    case 'channel': {
      // Only the id is needed; reading it from the option avoids depending on the channel cache.
      const value = interaction.options.get(name, required)?.value;
      return value === undefined ? undefined : String(value);
    }
    case 'choice': {
      const value = interaction.options.getString(name, required);
      return value !== null && arg.choices?.includes(value) ? value : undefined;
    }
    default:
      return interaction.options.getString(name, required)?.trim() || undefined;
  }
}

/** The options of a subcommand as the table's arguments, ready for the core. */
export function readArgs<N extends CommandName>(interaction: ChatInputCommandInteraction, name: N): ResolvedArgs<N> {
  const args: Record<string, unknown> = {};
  const specs: readonly ArgSpec[] = COMMANDS[name].args;
  for (const arg of specs) {
    const value = readOption(interaction, arg) ?? arg.fallback;
    if (value !== undefined) args[arg.name] = value;
  }
  // Each field read by its spec's kind, which is what ResolvedArgs derives its types from.
  return args as ResolvedArgs<N>;
}
