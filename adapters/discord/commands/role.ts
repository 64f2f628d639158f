import { SlashCommandSubcommandBuilder } from 'discord.js';
import { confirmation } from './confirmable.ts';
import { ROLE_CHOICES, withEmailOption } from './options.ts';
import type { Subcommand } from './types.ts';

export const role = {
  data: withEmailOption(
    new SlashCommandSubcommandBuilder().setName('role').setDescription("Change a member's role (owners only)"),
    "The member's email",
  ).addStringOption((o) =>
    o
      .setName('role')
      .setDescription('The new role')
      .setRequired(true)
      .addChoices(...ROLE_CHOICES),
  ),
  autocomplete: 'members',
  async execute(interaction, { core, caller }) {
    const email = interaction.options.getString('email', true);
    return confirmation(
      await core.requestRoleChange(caller, { email, role: interaction.options.getString('role', true) }),
    );
  },
} satisfies Subcommand;
