import { parseArgs } from 'node:util';
import pino from 'pino';
import { createConsoleNotifier, runConsole } from '../adapters/console/index.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startRuntime } from './runtime.ts';

/**
 * `npm start`: the chat adapters whose credentials are set, and the terminal console when none are
 * (or with --console). Logs go to stderr so the console's answers stay clean on stdout.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { as: { type: 'string' }, console: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel, pino.destination(2));
  const runtime = await startRuntime(config, log);
  const shutdown = async () => {
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  if (values.console || (!config.slack && !config.discord)) {
    runtime.addNotifier(createConsoleNotifier(process.stdout));
    await runConsole({
      core: runtime.core,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      as: values.as,
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
    // One line, never a stack trace: a configuration error names its variable.
    const reason = error instanceof Error ? error.message : String(error);
    const message = error instanceof ConfigError ? reason : `Rollcall could not start: ${reason}`;
    process.stderr.write(`${message}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
