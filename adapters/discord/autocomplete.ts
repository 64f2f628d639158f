import type { AutocompleteInteraction } from 'discord.js';
import type { MembershipCore } from '../../src/core/index.ts';
import { callerOf } from './caller.ts';
import type { Subcommand } from './commands/types.ts';

/** Discord caps autocomplete at 25 choices, each value at 100 characters. */
const MAX_CHOICES = 25;
const MAX_VALUE = 100;

/** Suggests emails from the core: members for role/remove, pending invitees for revoke/resend. */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  subcommands: ReadonlyMap<string, Subcommand>,
  core: MembershipCore,
): Promise<void> {
  const among = subcommands.get(interaction.options.getSubcommand(false) ?? '')?.autocomplete;
  const focused = interaction.options.getFocused(true);
  if (!among || focused.name !== 'email') {
    await interaction.respond([]);
    return;
  }
  const emails = await core.suggestEmails(callerOf(interaction), {
    among,
    prefix: String(focused.value),
    limit: MAX_CHOICES,
  });
  const choices = emails
    .filter((email) => email.length <= MAX_VALUE)
    .slice(0, MAX_CHOICES)
    .map((email) => ({ name: email, value: email }));
  await interaction.respond(choices);
}
