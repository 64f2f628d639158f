import { SlashCommandSubcommandBuilder } from 'discord.js';
import { acceptedText } from '../render-invite.ts';
import { answer, type Subcommand, usage } from './types.ts';

/** Without a code there is nothing to accept: Discord cannot tell the bot who the caller is. */
export function noCode(verb: 'accept' | 'decline'): string {
  return `Click the button in the DM I sent you, or run this again with the code you were given: \`/members ${verb} code:…\`.`;
}

export const accept = {
  data: new SlashCommandSubcommandBuilder()
    .setName('accept')
    .setDescription('Accept an invitation; links your Discord account to the invited email')
    .addStringOption((o) => o.setName('code').setDescription('The invitation code you were given').setMaxLength(200)),
  async execute(interaction, { core, caller }) {
    const code = interaction.options.getString('code')?.trim();
    if (!code) return usage(noCode('accept'));
    return answer(await core.accept(caller, { code }), acceptedText);
  },
} satisfies Subcommand;
