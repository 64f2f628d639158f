import { parseCommand } from '../../src/commands/parse-command.ts';
import { usageOf } from '../../src/commands/usage.ts';
import { type Caller, parseEmail } from '../../src/core/index.ts';
import type { ConsoleContext } from './console-context.ts';
import { consoleHelp } from './help-text.ts';
import { answerRequest, REQUEST_ANSWER } from './request-answers.ts';
import { runCommand } from './run-command.ts';

/** Who the terminal speaks for; `as <email>` changes it. */
export interface Session {
  as: string | undefined;
}

const AS = /^\/?as(?:\s+(.*))?$/i;
const MEMBERS_PREFIX = /^\/members(?=\s|$)/i;

export function consoleCaller(email: string): Caller {
  return { platform: 'console', workspaceId: 'local', userId: email, verifiedEmail: email };
}

function switchIdentity(argument: string | undefined, session: Session): string {
  const email = argument === undefined ? undefined : parseEmail(argument);
  if (email === undefined) return 'Usage: as <email>';
  session.as = email;
  return `You are now ${email}.`;
}

/** One line of input → its answer (questions of a confirmation are asked through ctx.ask). */
export async function handleLine(line: string, session: Session, ctx: ConsoleContext): Promise<string> {
  const as = AS.exec(line);
  if (as) return switchIdentity(as[1]?.trim() || undefined, session);
  const answer = REQUEST_ANSWER.exec(line);
  if (answer?.[1] !== undefined) {
    if (session.as === undefined) return 'Choose who you are first: as <email>';
    return answerRequest(answer[1], answer[2], consoleCaller(session.as), ctx);
  }
  const command = parseCommand(line.replace(MEMBERS_PREFIX, ''));
  switch (command.name) {
    case 'help':
      return consoleHelp();
    case 'usage':
      return `Usage: ${usageOf(command.command)}`;
    case 'unknown':
      return `Unknown command "${command.word}".\n${consoleHelp()}`;
  }
  if (session.as === undefined) return 'Choose who you are first: as <email>';
  return runCommand(command, consoleCaller(session.as), ctx);
}
