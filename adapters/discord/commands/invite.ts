import { SlashCommandSubcommandBuilder } from 'discord.js';
import { normalizeEmail } from '../../../src/core/index.ts';
import { inviteText } from '../render-invite.ts';
import { ROLE_CHOICES } from './options.ts';
import { answer, type Subcommand, usage } from './types.ts';

export const invite = {
  data: new SlashCommandSubcommandBuilder()
    .setName('invite')
    .setDescription('Invite one or more people by email')
    .addStringOption((o) =>
      o.setName('emails').setDescription('Emails separated by spaces or commas (up to 100)').setRequired(true),
    )
    .addStringOption((o) =>
      o
        .setName('role')
        .setDescription('The role they get (default: member)')
        .addChoices(...ROLE_CHOICES),
    )
    .addUserOption((o) =>
      o.setName('user').setDescription('Their Discord account: I DM them Accept and Decline buttons (one email only)'),
    ),
  async execute(interaction, { core, caller }) {
    const emails = interaction.options
      .getString('emails', true)
      .split(/[\s,]+/)
      .filter((word) => word.length > 0);
    const role = interaction.options.getString('role');
    const user = interaction.options.getUser('user');
    const first = emails[0];
    if (user && (emails.length !== 1 || first === undefined)) {
      return usage('The `user` option goes with exactly one email: the address of that Discord user.');
    }
    const reachable = user && first !== undefined ? { reachable: { [normalizeEmail(first)]: user.id } } : {};
    const result = await core.invite(caller, { emails, ...(role ? { role } : {}), ...reachable });
    return answer(result, (outcome) => inviteText(outcome, user?.id));
  },
} satisfies Subcommand;
