import type { SlashCommandSubcommandBuilder } from 'discord.js';

/** The three roles as SPEC §1 spells them; the core parses the value. */
export const ROLE_CHOICES = [
  { name: 'Organization Member', value: 'member' },
  { name: 'Organization Billing Admin', value: 'billing-admin' },
  { name: 'Organization Owner', value: 'owner' },
] as const;

export function withEmailOption(builder: SlashCommandSubcommandBuilder, description: string) {
  return builder.addStringOption((o) =>
    o.setName('email').setDescription(description).setRequired(true).setMaxLength(254).setAutocomplete(true),
  );
}
