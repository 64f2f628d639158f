import { helpLines } from '../../src/commands/usage.ts';

/** SPEC §5 commands from the command table, plus the console's own: `as` to switch who you are, `exit`. */
export function consoleHelp(): string {
  return [
    'Commands (with or without /members in front):',
    ...helpLines('  '),
    '  as <email>   switch who you are (you are trusted: this is your machine)',
    '  exit',
  ].join('\n');
}
