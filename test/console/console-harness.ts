import { PassThrough, Writable } from 'node:stream';
import { createConsoleNotifier, runConsole } from '../../adapters/console/index.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

export interface ConsoleHarness {
  readonly store: Store;
  readonly clock: ReturnType<typeof manualClock>;
  /** Everything the session printed so far. */
  output(): string;
  /** What the log received (JSON lines), to check a reference id lands there. */
  logged(): string;
  /** Types the lines of one command (a confirmation's answer included) and returns what it printed. */
  send(...lines: string[]): Promise<string>;
  /** Types the last lines, ends the input and returns what was printed once the session finished. */
  finish(...lines: string[]): Promise<string>;
  /** Ends the input, waits for the session to finish and closes the store. */
  close(): Promise<void>;
}

/** A scripted, non-TTY console session on a fresh SQLite file with the real core and dispatcher. */
export async function startConsole(options: { as?: string; interactive?: boolean } = {}): Promise<ConsoleHarness> {
  const store = await openTestStore('sqlite');
  const clock = manualClock();
  const core = buildCore(store, clock);
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  let logText = '';
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logText += chunk.toString('utf8');
      callback();
    },
  });
  const log = createLogger('info', logSink);
  const notifier = createConsoleNotifier(output);
  let answered: (() => void) | undefined;
  const session = runConsole({
    core,
    input,
    output,
    interactive: options.interactive ?? false,
    as: options.as,
    log,
    clock,
    afterCommand: async () => {
      await dispatchNotifications({ store, clock, notifiers: [notifier], log });
      answered?.();
    },
  });
  // Lets the output stream hand over what was written before reading it.
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  return {
    store,
    clock,
    output: () => printed,
    logged: () => logText,
    async send(...lines) {
      const start = printed.length;
      const done = new Promise<void>((resolve) => {
        answered = resolve;
      });
      input.write(lines.map((line) => `${line}\n`).join(''));
      await Promise.race([done, session]);
      await settle();
      return printed.slice(start);
    },
    async finish(...lines) {
      const start = printed.length;
      input.end(lines.map((line) => `${line}\n`).join(''));
      await session;
      await settle();
      return printed.slice(start);
    },
    async close() {
      if (!input.writableEnded) input.end();
      await session;
      await store.close();
    },
  };
}

/** The code printed by `invite` for one invitee. */
export function codeFor(output: string, email: string): string {
  const code = new RegExp(`Invited ${email.replaceAll('.', '\\.')} .*accept (\\S+)$`, 'm').exec(output)?.[1];
  if (code === undefined) throw new Error(`no code for ${email} in:\n${output}`);
  return code;
}
