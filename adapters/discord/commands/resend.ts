import { SlashCommandSubcommandBuilder } from 'discord.js';
import { resendText } from '../render-invite.ts';
import { withEmailOption } from './options.ts';
import { answer, type Subcommand } from './types.ts';

export const resend = {
  data: withEmailOption(
    new SlashCommandSubcommandBuilder()
      .setName('resend')
      .setDescription('Send an invitation again with a new code and a fresh expiry'),
    'The invited email',
  ),
  autocomplete: 'pending',
  async execute(interaction, { core, caller }) {
    return answer(await core.resend(caller, { email: interaction.options.getString('email', true) }), resendText);
  },
} satisfies Subcommand;
