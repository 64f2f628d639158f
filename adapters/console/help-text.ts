import { USAGE } from '../../src/commands/usage.ts';

/** SPEC §5 commands plus the console's own: `as` to switch who you are, `exit`. */
export function consoleHelp(): string {
  const lines = Object.values(USAGE).map((line) => `  ${line}`);
  return [
    'Commands (with or without /members in front):',
    ...lines,
    '  as <email>   switch who you are (you are trusted: this is your machine)',
    '  exit',
  ].join('\n');
}
