import { SlashCommandSubcommandBuilder } from 'discord.js';
import { confirmation } from './confirmable.ts';
import { withEmailOption } from './options.ts';
import type { Subcommand } from './types.ts';

export const remove = {
  data: withEmailOption(
    new SlashCommandSubcommandBuilder().setName('remove').setDescription('Remove a member (owners only)'),
    "The member's email",
  ),
  autocomplete: 'members',
  async execute(interaction, { core, caller }) {
    return confirmation(await core.requestRemove(caller, { email: interaction.options.getString('email', true) }));
  },
} satisfies Subcommand;
