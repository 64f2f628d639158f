import packageJson from '../../package.json' with { type: 'json' };
import { USAGE } from './run-cli.ts';

/** What `rollcall --version` prints: the package's version alone, easy to compare in a script. */
export const VERSION = packageJson.version;

/** `--help` or `-h` anywhere before a `--`: options after `--` belong to the command's arguments. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * The usage of one command (`rollcall org --help`): its lines of the CLI's usage table, so the help
 * of every subcommand is said once, there. Undefined for a word that is no command.
 */
export function commandUsage(name: string): string | undefined {
  const lines = USAGE.split('\n')
    .slice(1)
    .filter((line) => line.trim().split(/\s+/)[0] === name);
  if (lines.length === 0) return undefined;
  return ['Usage:', ...lines.map((line) => line.replace(/^ {2}/, '  rollcall '))].join('\n');
}

/**
 * Answers `--version` and `--help` before any command runs (nothing is opened or loaded); returns
 * the text to print, or undefined when the arguments are a command to run.
 */
export function answerFlags(argv: readonly string[]): string | undefined {
  const [first] = argv;
  if (first === '--version' || first === '-v' || first === '-V' || first === 'version') return VERSION;
  if (first === 'help' || first === undefined) return undefined;
  if (!wantsHelp(argv)) return undefined;
  return first.startsWith('-') ? USAGE : commandUsage(first);
}
