import { SlashCommandSubcommandBuilder } from 'discord.js';
import { confirmation } from './confirmable.ts';
import type { Subcommand } from './types.ts';

export const leave = {
  data: new SlashCommandSubcommandBuilder().setName('leave').setDescription('Leave the organization'),
  async execute(_interaction, { core, caller }) {
    return confirmation(await core.requestLeave(caller));
  },
} satisfies Subcommand;
