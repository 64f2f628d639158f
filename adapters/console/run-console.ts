import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Clock, MembershipCore } from '../../src/core/index.ts';
import { type Logger, logUnexpected } from '../../src/log.ts';
import type { ConsoleContext } from './console-context.ts';
import { handleLine, type Session } from './handle-line.ts';
import { createErrorMessages } from './messages.ts';

export interface ConsoleDeps {
  readonly core: MembershipCore;
  readonly input: Readable;
  readonly output: Writable;
  /** A TTY: prompt and echo. Otherwise one command per line and one answer per command, for scripts. */
  readonly interactive: boolean;
  /** The email to start as (`--as`); `as <email>` switches later. */
  readonly as: string | undefined;
  readonly log: Logger;
  readonly clock: Clock;
  /** Run after every command; main.ts delivers the outbox here so notifications show at once. */
  readonly afterCommand?: () => Promise<void>;
}

const EXIT = /^\/?(exit|quit)$/i;

function greeting(session: Session): string {
  const who = session.as === undefined ? 'Choose who you are with: as <email>.' : `You are ${session.as}.`;
  return `Rollcall console on the embedded database. ${who} Type help for the commands.\n`;
}

/** A terminal session over the core; resolves when the input ends or the user types exit. */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const { input, output, interactive } = deps;
  const session: Session = { as: deps.as };
  const rl = createInterface({
    input,
    crlfDelay: Number.POSITIVE_INFINITY,
    terminal: interactive,
    ...(interactive ? { output } : {}),
  });
  // Without a listener readline only pauses on Ctrl-C and the session would hang: end it instead.
  rl.on('SIGINT', () => {
    output.write('\n');
    rl.close();
  });
  // One iterator for commands and confirmation answers alike, so a script's next line answers a question.
  const lines = rl[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
  const say = (text: string) => output.write(`${text}\n`);
  const ctx: ConsoleContext = {
    core: deps.core,
    clock: deps.clock,
    messages: createErrorMessages(deps.clock),
    ask: async (question) => {
      output.write(interactive ? `${question} ` : `${question}\n`);
      return nextLine();
    },
  };
  if (interactive) output.write(greeting(session));
  try {
    for (;;) {
      if (interactive) {
        rl.setPrompt(`rollcall (${session.as ?? 'nobody'})> `);
        rl.prompt();
      }
      const line = (await nextLine())?.trim();
      if (line === undefined || EXIT.test(line)) break;
      if (line === '') continue;
      try {
        say(await handleLine(line, session, ctx));
        await deps.afterCommand?.();
      } catch (error) {
        // The one boundary catch of the console: the log keeps the details, the user gets a reference.
        const ref = logUnexpected(deps.log, error, { platform: 'console', command: line.split(/\s+/)[0] });
        say(`Something went wrong (ref ${ref}).`);
      }
    }
  } finally {
    rl.close();
  }
}
