import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, rollcall, rollcallBin } from './spawn-cli.ts';

const STACK_FRAME = /\n\s+at /;

// One test spawns the real bin, whose start-up dominates on a loaded machine.
describe('rollcall with bad arguments or configuration', { timeout: 120_000 }, () => {
  it.each([
    [['org', 'create'], 'Usage: rollcall org create <name> [--limit N]'],
    [['org', 'create', 'Acme', '--limit', 'many'], '--limit must be a whole number from 1 to 100000.'],
    [['org', 'create', 'Acme', '--colour', 'red'], 'Usage: rollcall org create <name> [--limit N]'],
    [['org', 'bind', 'x', 'irc', 'y'], 'Unknown platform "irc".'],
    [['owner', 'restore', 'x', 'not-an-email'], '"not-an-email" is not an email address.'],
    [['activity', 'export', 'x', '--format', 'xml'], 'Usage: rollcall activity export <org-id> --format json|csv'],
    [['discord', 'unregister'], 'Usage: rollcall discord register [--guild ID]'],
  ])('%j exits 2 with one line and changes nothing', async (args, expected) => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const run = await rollcall(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    // Refused before the database is even opened: the SQLite file was never created.
    expect(existsSync(env.DATABASE_URL.slice('sqlite:'.length))).toBe(false);
  });

  // The one test that starts the real bin: the rest call runCli in-process, as bin.js does.
  it('prints the usage for an unknown command and exits 2', async () => {
    const run = await rollcallBin(['frobnicate'], { DATABASE_URL: freshDatabaseUrl() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate".');
    expect(run.stderr).toContain('owner restore <org-id> <email>');
  });

  it('names the malformed variable in one line, without a stack trace', async () => {
    const run = await rollcall(['org', 'list'], { DATABASE_URL: freshDatabaseUrl(), ORG_MAX_MEMBERS: 'abc' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Invalid configuration: ORG_MAX_MEMBERS /);
  });

  it('rejects a DATABASE_URL that is neither SQLite nor PostgreSQL', async () => {
    const run = await rollcall(['migrate'], { DATABASE_URL: 'mysql://somewhere' });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(/^Invalid configuration: DATABASE_URL must be sqlite:<path> or postgres:/);
  });
});
