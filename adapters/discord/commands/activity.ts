import { SlashCommandSubcommandBuilder } from 'discord.js';
import { activityText } from '../render-activity.ts';
import { answer, type Subcommand } from './types.ts';

export const activity = {
  data: new SlashCommandSubcommandBuilder()
    .setName('activity')
    .setDescription('Recent changes, newest first (owners only)')
    .addIntegerOption((o) => o.setName('page').setDescription('Page number, from 1').setMinValue(1)),
  async execute(interaction, { core, caller }) {
    const page = interaction.options.getInteger('page');
    return answer(await core.activity(caller, page === null ? {} : { page }), activityText);
  },
} satisfies Subcommand;
