import { SlashCommandSubcommandBuilder } from 'discord.js';
import { confirmation } from './confirmable.ts';
import { withEmailOption } from './options.ts';
import type { Subcommand } from './types.ts';

export const revoke = {
  data: withEmailOption(
    new SlashCommandSubcommandBuilder().setName('revoke').setDescription('Revoke a pending invitation'),
    'The invited email',
  ),
  autocomplete: 'pending',
  async execute(interaction, { core, caller }) {
    return confirmation(await core.requestRevoke(caller, { email: interaction.options.getString('email', true) }));
  },
} satisfies Subcommand;
