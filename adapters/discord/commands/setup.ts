import { PermissionFlagsBits, SlashCommandSubcommandBuilder } from 'discord.js';
import { setupText } from '../render-invite.ts';
import { answer, type Subcommand } from './types.ts';

export const setup = {
  data: new SlashCommandSubcommandBuilder()
    .setName('setup')
    .setDescription('Create the organization for this server (Manage Server or Administrator)')
    .addStringOption((o) =>
      o.setName('name').setDescription('The organization name').setRequired(true).setMaxLength(100),
    )
    .addStringOption((o) =>
      o.setName('email').setDescription('Your email: you become the first owner').setRequired(true).setMaxLength(254),
    ),
  async execute(interaction, { core, caller }) {
    // The member's permissions as Discord computed them for this interaction; the core decides.
    const permissions = interaction.memberPermissions;
    const isPlatformAdmin =
      permissions?.has(PermissionFlagsBits.ManageGuild) === true ||
      permissions?.has(PermissionFlagsBits.Administrator) === true;
    const orgName = interaction.options.getString('name', true);
    const email = interaction.options.getString('email', true);
    return answer(await core.setup(caller, { orgName, email, isPlatformAdmin }), setupText);
  },
} satisfies Subcommand;
