import { Client, Options, type RESTOptions, type User } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';

/**
 * `rest.api` as SPEC §8 defines DISCORD_API_URL (discord.js appends `/v10` itself). No retries of
 * 5xx or network errors inside discord.js: the outbox owns retrying, with backoff that survives a
 * restart. Rate limits (429) are still waited out by discord.js's queue, which does not count them.
 */
export function restOptions(config: DiscordConfig): Partial<RESTOptions> {
  return { retries: 0, ...(config.apiUrl ? { api: config.apiUrl } : {}) };
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
