import { SlashCommandSubcommandBuilder } from 'discord.js';
import { rosterText } from '../render-roster.ts';
import { answer, type Subcommand } from './types.ts';

export const list = {
  data: new SlashCommandSubcommandBuilder()
    .setName('list')
    .setDescription('Members with their roles, and pending invitations')
    .addStringOption((o) =>
      o
        .setName('what')
        .setDescription('Show only members or only pending invitations')
        .addChoices({ name: 'members', value: 'members' }, { name: 'pending', value: 'pending' }),
    ),
  async execute(interaction, { core, caller }) {
    const option = interaction.options.getString('what');
    const what = option === 'members' || option === 'pending' ? option : 'all';
    return answer(await core.list(caller, { what }), (roster) => rosterText(roster, what));
  },
} satisfies Subcommand;
