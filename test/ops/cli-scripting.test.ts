import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { createdId, freshDatabaseUrl, type Run, runProcess } from '../cli/spawn-cli.ts';

/** The CLI as a real process, from the sources: the flags are answered by its process entry. */
const rollcall = (args: readonly string[], env: Record<string, string>): Promise<Run> =>
  runProcess(['node', 'src/cli/bin.js', ...args], env);

describe('the rollcall CLI as scripts use it', { timeout: 60_000 }, () => {
  it('--version prints the version alone', async () => {
    const run = await rollcall(['--version'], {});
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${packageJson.version}\n`, '']);
  });

  it.each([
    [
      ['org', '--help'],
      ['rollcall org create <name>', 'rollcall org bind', 'rollcall org list'],
    ],
    [['org', 'create', '--help'], ['rollcall org create <name> [--limit N]']],
    [['activity', 'export', 'x', '-h'], ['rollcall activity export <org-id> --format json|csv']],
    [['owner', '--help'], ['rollcall owner restore <org-id> <email>']],
    [['discord', 'register', '--help'], ['rollcall discord register [--guild ID]']],
    [['migrate', '--help'], ['rollcall migrate']],
    [['--help'], ['Usage: rollcall <command>', 'org create <name>']],
  ])('%j prints usage on stdout and exits 0, touching nothing', async (args, expected) => {
    // DATABASE_URL points nowhere usable: help must not open it.
    const run = await rollcall(args, { DATABASE_URL: 'sqlite:/proc/no/such/dir/x.db' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of expected) expect(run.stdout).toContain(text);
  });

  it('a --help after -- is an argument, not a request for help', async () => {
    const run = await rollcall(['org', 'create', '--', '--help'], { DATABASE_URL: freshDatabaseUrl() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Created organization .* \(--help, limit 100\)\.$/m);
  });

  it('an unknown command with --help is still unknown (exit 2)', async () => {
    const run = await rollcall(['frobnicate', '--help'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate".');
  });

  it('ends quietly when the reader closes the pipe (… | head -1): exit 0, no stack trace', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const orgId = createdId(await rollcall(['org', 'create', 'Acme'], env));
    const child = spawn('node', ['src/cli/bin.js', 'activity', 'export', orgId, '--format', 'csv'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the CLI writes its first line, as when `head` has had enough.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const [code] = (await once(child, 'close')) as [number | null];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
