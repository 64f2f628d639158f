import type { BaseInteraction } from 'discord.js';
import type { Caller } from '../../src/core/index.ts';

/**
 * Who is asking. Discord never shows the bot an email, so `verifiedEmail` is null and the core
 * resolves the linked email itself. In a DM (an invitee clicking Accept) there is no server:
 * the workspace is '' and the invitation id or code says which organization is meant.
 */
export function callerOf(interaction: BaseInteraction): Caller {
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? '',
    userId: interaction.user.id,
    verifiedEmail: null,
  };
}
