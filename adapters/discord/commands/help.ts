import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { Subcommand } from './types.ts';

export const help = {
  data: new SlashCommandSubcommandBuilder().setName('help').setDescription('What every /members command does'),
  async execute(_interaction, { helpText }) {
    return { content: helpText, outcome: 'ok' };
  },
} satisfies Subcommand;
