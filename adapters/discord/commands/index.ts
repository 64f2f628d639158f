import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { runHandler } from '../../../src/commands/handlers.ts';
import { COMMAND_NAMES, COMMANDS, type CommandName, isCommandName } from '../../../src/commands/table.ts';
import { type Caller, MAX_EMAIL_LENGTH, type MembershipCore } from '../../../src/core/index.ts';
import { HANDLERS } from './handlers.ts';
import { addOption } from './options.ts';
import { readArgs } from './read-args.ts';
import type { Reply } from './types.ts';

export const COMMAND_NAME = 'members';

/** Discord's own wording where the table's line does not fit a server. */
const DESCRIPTIONS: Partial<Record<CommandName, string>> = {
  setup: 'Create the organization for this server (Manage Server or Administrator)',
  accept: 'Accept an invitation; links your Discord account to the invited email',
};

/** Options only Discord has: a user picker (SPEC §4b) and the admin's stated email (SPEC §4a). */
const EXTRA_OPTIONS: Partial<Record<CommandName, (builder: SlashCommandSubcommandBuilder) => void>> = {
  invite: (b) =>
    b.addUserOption((o) =>
      o.setName('user').setDescription('Their Discord account: I DM them Accept and Decline buttons (one email only)'),
    ),
  setup: (b) =>
    b.addStringOption((o) =>
      o
        .setName('email')
        .setDescription('Your email: you become the first owner')
        .setRequired(true)
        .setMaxLength(MAX_EMAIL_LENGTH),
    ),
};

function subcommand(name: CommandName): SlashCommandSubcommandBuilder {
  const spec = COMMANDS[name];
  const builder = new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(DESCRIPTIONS[name] ?? spec.description);
  for (const arg of spec.args) addOption(builder, arg);
  EXTRA_OPTIONS[name]?.(builder);
  return builder;
}

/** Every subcommand, from the command table, in its order (which Discord shows them in). */
export const SUBCOMMANDS: readonly SlashCommandSubcommandBuilder[] = COMMAND_NAMES.map(subcommand);

/**
 * `/members` for a server: no default member permissions (everyone sees it; the core decides who
 * may do what) and usable in servers only, because every command acts on the server's organization.
 */
export function membersCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription("Manage who belongs to this server's organization")
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const data of SUBCOMMANDS) builder.addSubcommand(data);
  return builder.toJSON();
}

/** One line per subcommand, generated from the definitions so help never drifts from them. */
export function helpText(): string {
  const lines = SUBCOMMANDS.map((data) => {
    const options = data.options.map((option) => {
      const { name, required } = option.toJSON();
      return required ? `${name}:` : `[${name}:]`;
    });
    return `\`/${COMMAND_NAME} ${[data.name, ...options].join(' ')}\`: ${data.description}`;
  });
  return ['**Rollcall**', ...lines].join('\n');
}

/** The interaction's subcommand; an unknown one (a stale registration) gets the help. */
export function subcommandOf(interaction: ChatInputCommandInteraction): CommandName {
  const word = interaction.options.getSubcommand(false) ?? 'help';
  return isCommandName(word) ? word : 'help';
}

export function runSubcommand(
  interaction: ChatInputCommandInteraction,
  name: CommandName,
  context: { core: MembershipCore; caller: Caller; helpText: string },
): Promise<Reply> {
  return runHandler(HANDLERS, { ...context, interaction }, name, readArgs(interaction, name));
}
