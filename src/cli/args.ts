import { parseArgs } from 'node:util';
import { UsageError } from './cli-io.ts';

type StringOptions = Readonly<Record<string, { type: 'string' }>>;

/**
 * Exactly `count` positionals and only the given `--name value` options; anything else is a
 * UsageError carrying the subcommand's usage line.
 */
export function readArgs<O extends StringOptions>(
  argv: readonly string[],
  usage: string,
  count: number,
  options: O,
): { positionals: string[]; values: { [K in keyof O]?: string } } {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    if (parsed.positionals.length !== count) throw new UsageError(usage);
    return { positionals: parsed.positionals, values: parsed.values as { [K in keyof O]?: string } };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(usage);
  }
}
