import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';
import { answer, type Subcommand } from './types.ts';

export const channel = {
  data: new SlashCommandSubcommandBuilder()
    .setName('channel')
    .setDescription('Where notifications are posted (owners only)')
    .addChannelOption((o) =>
      o
        .setName('channel')
        .setDescription('A text channel the bot can post in')
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  async execute(interaction, { core, caller }) {
    // Only the id is needed; reading it from the option avoids depending on the channel cache.
    const channelId = String(interaction.options.get('channel', true).value);
    return answer(
      await core.setChannel(caller, { channelId }),
      (set) => `Notifications for this server now go to <#${set.channelId}>.`,
    );
  },
} satisfies Subcommand;
