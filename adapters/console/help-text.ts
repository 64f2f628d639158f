import { helpLines } from '../../src/commands/usage.ts';

/** SPEC §5 commands from the command table, plus the console's own: `as` to switch who you are, `approve`/`deny` for requests, `exit`. */
export function consoleHelp(): string {
  return [
    'Commands (with or without /members in front):',
    ...helpLines('  '),
    '  as <email>   switch who you are (you are trusted: this is your machine)',
    "  approve <id> / deny <id>   answer a request, as an owner (the id is in the request's line)",
    '  exit',
  ].join('\n');
}
