import { parseArgs } from 'node:util';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createProcessLogger } from './log.ts';
import { startRuntime } from './runtime.ts';

const USAGE = `Usage: npm start -- [options]        (or: node dist/main.js [options])

Runs the chat adapters whose credentials are set (Slack, Discord), with /healthz and /metrics
on HOST:PORT; with none set, a terminal console over the embedded database.

Options:
  --console       also run the terminal console when chat adapters are configured
  --as <email>    who you are in the console (switch later with: as <email>)
  -h, --help      show this text

Configuration is read from the environment: DATABASE_URL, PORT, HOST, SLACK_BOT_TOKEN,
SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, DISCORD_TOKEN, DISCORD_APPLICATION_ID, INVITE_TTL,
ORG_MAX_MEMBERS, EXPIRY_CRON, LOG_LEVEL (see README.md).`;

class UsageError extends Error {}

function readOptions() {
  try {
    return parseArgs({
      options: {
        as: { type: 'string' },
        console: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

/**
 * `npm start`: the chat adapters whose credentials are set, and the terminal console when none are
 * (or with --console). Logs go to stderr so the console's answers stay clean on stdout.
 */
async function main(): Promise<number> {
  const options = readOptions();
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  exitQuietlyOnClosedPipe(process.stdout);
  const config = loadConfig(process.env);
  const consoleSession = options.console || (!config.slack && !config.discord);
  // A person typing at the console reads its stderr too: start-up chatter stays out unless LOG_LEVEL asks.
  const quiet = consoleSession && process.stderr.isTTY === true && process.env.LOG_LEVEL === undefined;
  const log = await createProcessLogger(quiet ? 'warn' : config.logLevel);
  // A console session opens a port only when PORT says which: trying Rollcall out needs none.
  const runtime = await startRuntime(config, log, { serveHttp: config.portIsSet });
  const shutdown = async () => {
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  if (consoleSession) {
    const { createConsoleNotifier, runConsole } = await import('../adapters/console/index.ts');
    runtime.addNotifier(createConsoleNotifier(process.stdout));
    await runConsole({
      core: runtime.core,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      as: options.as,
      log,
      clock: runtime.clock,
      afterCommand: () => runtime.delivery.flush(),
    });
    await runtime.stop();
    return 0;
  }
  log.info('Rollcall is running');
  return new Promise<number>(() => {}); // until a signal stops it
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One line (or the usage), never a stack trace: a configuration error names its variable.
    const reason = error instanceof Error ? error.message : String(error);
    const known = error instanceof ConfigError || error instanceof UsageError;
    process.stderr.write(`${known ? reason : `Rollcall could not start: ${reason}`}\n`);
    process.exit(known ? 2 : 1);
  },
);
