import { ChannelType, type SlashCommandSubcommandBuilder } from 'discord.js';
import type { ArgSpec } from '../../../src/commands/args.ts';
import { MAX_EMAIL_LENGTH, ROLES } from '../../../src/core/index.ts';
import { roleLabel, roleWord } from '../../shared/roles.ts';

/** Least to most powerful, as a picker reads best; the core parses the value. */
const ROLE_CHOICES = [...ROLES].reverse().map((role) => ({ name: roleLabel(role), value: roleWord(role) }));

/** Adds one argument of the command table as the Discord option of its kind. */
export function addOption(builder: SlashCommandSubcommandBuilder, arg: ArgSpec): void {
  const name = arg.label ?? arg.name;
  const required = arg.optional !== true;
  switch (arg.kind) {
    case 'page':
      builder.addIntegerOption((o) =>
        o.setName(name).setDescription(arg.description).setRequired(required).setMinValue(1),
      );
      return;
    case 'channel':
      builder.addChannelOption((o) =>
        o
          .setName(name)
          .setDescription(arg.description)
          .setRequired(required)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      );
      return;
    default:
      builder.addStringOption((o) => {
        o.setName(name).setDescription(arg.description).setRequired(required);
        if (arg.kind === 'email') o.setMaxLength(MAX_EMAIL_LENGTH);
        if (arg.maxLength !== undefined) o.setMaxLength(arg.maxLength);
        if (arg.suggest !== undefined) o.setAutocomplete(true);
        if (arg.kind === 'role') o.addChoices(...ROLE_CHOICES);
        if (arg.choices !== undefined) o.addChoices(...arg.choices.map((c) => ({ name: c, value: c })));
        return o;
      });
  }
}
