import { loadConfig } from '../config.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_OK, UsageError } from './cli-io.ts';
import { readActivity, toCsv } from './export-activity.ts';
import { withStore } from './open-store.ts';

const USAGE = 'Usage: rollcall activity export <org-id> --format json|csv';

/** `rollcall activity export <org-id> --format json|csv`: the whole activity, oldest first, to stdout. */
export async function activityCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new UsageError(USAGE);
  const { positionals, values } = readArgs(rest, USAGE, 1, { format: { type: 'string' } });
  const format = values.format;
  if (format !== 'json' && format !== 'csv') throw new UsageError(USAGE);
  const orgId = positionals[0] ?? '';
  const entries = await withStore(loadConfig(env), (store) => readActivity(store, orgId));
  io.stdout.write(format === 'csv' ? toCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`);
  return EXIT_OK;
}
