import { Client, Options, type User } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';

/** `rest.api` as SPEC §8 defines DISCORD_API_URL: discord.js appends `/v10` itself. */
export function restOptions(config: DiscordConfig): { api?: string } {
  return config.apiUrl ? { api: config.apiUrl } : {};
}

/**
 * An interaction-only bot. No gateway intents at all: INTERACTION_CREATE is sent to every
 * connected application whatever its intents, and nothing else the gateway offers is used (with
 * the Guilds intent Discord would stream every server, its channels and roles into memory for
 * nothing). Caches that interactions would fill are capped at zero: the handlers read ids and
 * permissions from the interaction payload itself, never from a cache. The bot's own user is kept,
 * as discord.js expects to find it.
 */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [],
    rest: restOptions(config),
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMemberManager: 0,
      ThreadManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user: User) => user.id === user.client.user?.id },
    }),
  });
}
