import { SlashCommandSubcommandBuilder } from 'discord.js';
import { declinedText } from '../render-invite.ts';
import { noCode } from './accept.ts';
import { answer, type Subcommand, usage } from './types.ts';

export const decline = {
  data: new SlashCommandSubcommandBuilder()
    .setName('decline')
    .setDescription('Decline an invitation')
    .addStringOption((o) => o.setName('code').setDescription('The invitation code you were given').setMaxLength(200)),
  async execute(interaction, { core, caller }) {
    const code = interaction.options.getString('code')?.trim();
    if (!code) return usage(noCode('decline'));
    return answer(await core.decline(caller, { code }), declinedText);
  },
} satisfies Subcommand;
