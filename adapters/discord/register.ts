import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';
import { restOptions } from './client.ts';
import { membersCommand } from './commands/index.ts';

export interface RegisterResult {
  readonly scope: 'global' | 'guild';
  readonly names: readonly string[];
}

/**
 * Registers `/members` by bulk overwrite (PUT), so running it again replaces the definition
 * instead of adding a second one. A guild registration shows up at once: use it while testing.
 */
export async function registerDiscordCommands(
  config: DiscordConfig,
  options: { guildId?: string } = {},
): Promise<RegisterResult> {
  const rest = new REST(restOptions(config)).setToken(config.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(config.applicationId, options.guildId)
    : Routes.applicationCommands(config.applicationId);
  try {
    const registered = (await rest.put(route, { body: [membersCommand()] })) as Array<{ name: string }>;
    return { scope: options.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
