import { DiscordAPIError } from 'discord.js';
import { registerDiscordCommands } from '../../adapters/discord/register.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, println, UsageError } from './cli-io.ts';

const USAGE = 'usage: rollcall discord register [--guild ID]';
const SNOWFLAKE = /^\d{17,20}$/;

function parseGuild(argv: readonly string[]): string | undefined {
  const { values } = readArgs(argv, USAGE, 0, { guild: { type: 'string' } });
  if (values.guild !== undefined && !SNOWFLAKE.test(values.guild)) {
    throw new UsageError(`--guild must be a server id (a snowflake), not "${values.guild}"`);
  }
  return values.guild;
}

/**
 * `rollcall discord register [--guild ID]`; argv holds the words after `register`. Registers
 * `/members` globally, or for one server (shows up at once: handy while testing).
 */
export async function runDiscordRegister(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let guildId: string | undefined;
  try {
    guildId = parseGuild(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    println(io.stderr, error.message);
    return EXIT_USAGE;
  }
  let discord: ReturnType<typeof loadConfig>['discord'];
  try {
    discord = loadConfig(env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    println(io.stderr, error.message);
    return EXIT_USAGE;
  }
  if (!discord) {
    println(
      io.stderr,
      'Invalid configuration: DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to register commands',
    );
    return EXIT_USAGE;
  }
  try {
    const result = await registerDiscordCommands(discord, guildId === undefined ? {} : { guildId });
    const where = guildId === undefined ? 'globally' : `for server ${guildId}`;
    println(io.stdout, `Registered /${result.names.join(', /')} ${where}.`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    println(io.stderr, `Discord refused the registration (HTTP ${error.status}, code ${error.code}): ${error.message}`);
    return EXIT_FAILED;
  }
}
