import { loadConfig } from '../config.ts';
import { orFail, withAdminCore } from './admin-core.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_OK, UsageError } from './cli-io.ts';
import { toCsv, toExported } from './export-activity.ts';

const USAGE = 'Usage: rollcall activity export <org-id> --format json|csv';

/** `rollcall activity export <org-id> --format json|csv`: the whole activity, oldest first, to stdout. */
export async function activityCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new UsageError(USAGE);
  const { positionals, values } = readArgs(rest, USAGE, 1, { format: { type: 'string' } });
  const format = values.format;
  if (format !== 'json' && format !== 'csv') throw new UsageError(USAGE);
  const orgId = positionals[0] ?? '';
  const exported = await withAdminCore(loadConfig(env), (admin) => admin.exportActivity({ orgId }));
  const entries = toExported(orFail(exported));
  io.stdout.write(format === 'csv' ? toCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`);
  return EXIT_OK;
}
