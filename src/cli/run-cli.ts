import pino from 'pino';
import { ConfigError } from '../config.ts';
import { createLogger, logUnexpected } from '../log.ts';
import { CliFailure, type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, println, UsageError } from './cli-io.ts';

export const USAGE = `Usage: rollcall <command>
  migrate                                             bring DATABASE_URL to the latest schema
  sweep                                               expire due invitations and deliver notifications now
  org create <name> [--limit N]                       create an organization
  org bind <org-id> <slack|discord|console> <workspace-id>
  org list                                            organizations with limit, members and bindings
  owner restore <org-id> <email>                      break-glass: make someone an owner
  activity export <org-id> --format json|csv          the activity log, oldest first, to stdout
  discord register [--guild ID]                       register the /members slash command`;

type Subcommand = (argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo) => Promise<number>;

/**
 * Loaded on demand: `org list` need not load Bolt and discord.js (which only `sweep` and
 * `discord register` use), and a one-shot command's start-up time is most of its run.
 */
const SUBCOMMANDS: Readonly<Record<string, () => Promise<Subcommand>>> = {
  migrate: async () => (await import('./maintenance-commands.ts')).migrateCommand,
  sweep: async () => (await import('./maintenance-commands.ts')).sweepCommand,
  org: async () => (await import('./org-command.ts')).orgCommand,
  owner: async () => (await import('./owner-command.ts')).ownerCommand,
  activity: async () => (await import('./activity-command.ts')).activityCommand,
  discord: async () => {
    const { runDiscordRegister } = await import('./discord-register.ts');
    return (argv, env, io) => {
      if (argv[0] !== 'register') throw new UsageError('Usage: rollcall discord register [--guild ID]');
      return runDiscordRegister(argv.slice(1), env, io);
    };
  },
};

/**
 * The one boundary of the CLI. The stack goes to the log, which writes to stderr only at
 * LOG_LEVEL=debug or trace: the operator otherwise sees one line with the reference and the cause.
 */
function unexpected(error: unknown, env: NodeJS.ProcessEnv, io: CliIo, command: string | undefined): number {
  const level = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace' ? env.LOG_LEVEL : 'silent';
  const ref = logUnexpected(createLogger(level, pino.destination({ dest: 2, sync: true })), error, { command });
  const cause = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200);
  println(io.stderr, `Something went wrong (ref ${ref}): ${cause}`);
  return EXIT_FAILED;
}

/** `rollcall <command> …` → exit code: 0 done, 1 refused or failed, 2 bad arguments or configuration. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    println(io.stdout, USAGE);
    return EXIT_OK;
  }
  const load = name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (load === undefined) {
    println(io.stderr, name === undefined ? USAGE : `Unknown command "${name}".\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const subcommand = await load();
    return await subcommand(rest, env, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      println(io.stderr, error.message);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      println(io.stderr, error.message);
      return EXIT_FAILED;
    }
    return unexpected(error, env, io, name);
  }
}
