import { loadConfig } from '../config.ts';
import { MAX_ORG_NAME, type OrgSummary, PLATFORMS, type Platform } from '../core/index.ts';
import { orFail, withAdminCore } from './admin-core.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_OK, println, UsageError } from './cli-io.ts';

export const ORG_USAGE = {
  create: 'Usage: rollcall org create <name> [--limit N]',
  bind: 'Usage: rollcall org bind <org-id> <slack|discord|console> <workspace-id>',
  list: 'Usage: rollcall org list',
} as const;

const MAX_LIMIT = 100_000;

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const limit = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}. ${ORG_USAGE.create}`);
  }
  return limit;
}

async function create(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const { positionals, values } = readArgs(argv, ORG_USAGE.create, 1, { limit: { type: 'string' } });
  const name = (positionals[0] ?? '').trim();
  if (name.length === 0 || name.length > MAX_ORG_NAME) {
    throw new UsageError(`The name needs 1 to ${MAX_ORG_NAME} characters. ${ORG_USAGE.create}`);
  }
  const config = loadConfig(env);
  const limit = parseLimit(values.limit) ?? config.orgMaxMembers;
  const { orgId: id } = orFail(await withAdminCore(config, (admin) => admin.createOrg({ name, limit })));
  println(io.stdout, `Created organization ${id} (${name}, limit ${limit}).`);
  return EXIT_OK;
}

function isPlatform(word: string): word is Platform {
  return (PLATFORMS as readonly string[]).includes(word);
}

async function bind(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [orgId = '', platform = '', workspaceId = ''] = readArgs(argv, ORG_USAGE.bind, 3, {}).positionals;
  if (!isPlatform(platform)) throw new UsageError(`Unknown platform "${platform}". ${ORG_USAGE.bind}`);
  const outcome = orFail(
    await withAdminCore(loadConfig(env), (admin) => admin.bindOrg({ orgId, platform, workspaceId })),
  );
  const what = outcome === 'bound' ? 'Bound' : 'Already bound:';
  println(io.stdout, `${what} ${orgId} to ${platform} ${workspaceId}.`);
  return EXIT_OK;
}

function bindingsText(org: OrgSummary): string {
  if (org.bindings.length === 0) return '-';
  return org.bindings
    .map((b) => `${b.platform}:${b.workspaceId}${b.channelId === null ? '' : ` #${b.channelId}`}`)
    .join(', ');
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

async function list(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  readArgs(argv, ORG_USAGE.list, 0, {});
  const orgs = await withAdminCore(loadConfig(env), (admin) => admin.listOrgs());
  const header = ['ID', 'NAME', 'LIMIT', 'MEMBERS', 'BINDINGS'];
  const rows = orgs.map((o) => [o.id, o.name, String(o.limit), String(o.members), bindingsText(o)]);
  for (const line of table([header, ...rows])) println(io.stdout, line);
  return EXIT_OK;
}

/** `rollcall org create|bind|list`. */
export async function orgCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest, env, io);
  if (sub === 'bind') return bind(rest, env, io);
  if (sub === 'list') return list(rest, env, io);
  throw new UsageError(`Usage: rollcall org create <name> [--limit N] | org bind … | org list`);
}
