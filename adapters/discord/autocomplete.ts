import type { AutocompleteInteraction } from 'discord.js';
import { COMMANDS, isCommandName } from '../../src/commands/table.ts';
import type { MembershipCore } from '../../src/core/index.ts';
import { callerOf } from './caller.ts';

/** Discord caps autocomplete at 25 choices, each value at 100 characters. */
const MAX_CHOICES = 25;
const MAX_VALUE = 100;

/** Whose emails the table says to suggest for this option: members for role/remove, invitees for revoke/resend. */
function suggestionsFor(subcommand: string, option: string): 'members' | 'pending' | undefined {
  if (!isCommandName(subcommand)) return undefined;
  const args: readonly { name: string; label?: string; suggest?: 'members' | 'pending' }[] = COMMANDS[subcommand].args;
  return args.find((arg) => (arg.label ?? arg.name) === option)?.suggest;
}

/** Suggests emails from the core, for the options the command table marks. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, core: MembershipCore): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const among = suggestionsFor(interaction.options.getSubcommand(false) ?? '', focused.name);
  if (!among) {
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
