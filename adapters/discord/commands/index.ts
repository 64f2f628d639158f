import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { accept } from './accept.ts';
import { activity } from './activity.ts';
import { channel } from './channel.ts';
import { decline } from './decline.ts';
import { help } from './help.ts';
import { invite } from './invite.ts';
import { leave } from './leave.ts';
import { list } from './list.ts';
import { remove } from './remove.ts';
import { resend } from './resend.ts';
import { revoke } from './revoke.ts';
import { role } from './role.ts';
import { setup } from './setup.ts';
import type { Subcommand } from './types.ts';

/** In the order of SPEC §5, which is also the order Discord shows them in. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  invite,
  list,
  revoke,
  resend,
  role,
  remove,
  leave,
  accept,
  decline,
  activity,
  setup,
  channel,
  help,
];

export const COMMAND_NAME = 'members';

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
  for (const subcommand of SUBCOMMANDS) builder.addSubcommand(subcommand.data);
  return builder.toJSON();
}

/** One line per subcommand, generated from the definitions so help never drifts from them. */
export function helpText(): string {
  const lines = SUBCOMMANDS.map(({ data }) => {
    const options = data.options.map((option) => {
      const { name, required } = option.toJSON();
      return required ? `${name}:` : `[${name}:]`;
    });
    return `\`/${COMMAND_NAME} ${[data.name, ...options].join(' ')}\`: ${data.description}`;
  });
  return ['**Rollcall**', ...lines].join('\n');
}
