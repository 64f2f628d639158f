import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runProcess } from '../cli/spawn-cli.ts';
import { freshSqliteUrl } from './bot-process.ts';

/** Every module dist/<entry> loads before running anything: its static imports, followed through the chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, target = ''] of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gms)) {
    if (!target.startsWith('.')) seen.add(target);
    else if (!seen.has(join(dirname(file), target))) {
      seen.add(join(dirname(file), target));
      staticImports(join(dirname(file), target), seen);
    }
  }
  return seen;
}

describe('the build', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const build = await runProcess(['node', 'scripts/build.js'], {});
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);

  it('starts from dist/ with no credentials: a console session, only answers on stdout', async () => {
    const env = { DATABASE_URL: freshSqliteUrl() };
    const run = await runProcess(['node', 'scripts/start.js', '--as', 'olivia@acme.test'], env, 'setup Acme\nlist\n');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Created Acme. You (olivia@acme.test) are its first owner.');
    expect(run.stdout).not.toMatch(/"level"|migrations applied|Building/);
    expect(run.stderr).not.toContain('Building'); // the build was fresh: nothing rebuilt
  });

  it('loads neither Bolt nor discord.js before it knows they are configured', () => {
    const loaded = staticImports('dist/main.js');
    expect(loaded.has('better-sqlite3')).toBe(true);
    expect([...loaded].filter((name) => /slack|discord|pino-pretty|tsx/.test(name))).toEqual([]);
  });

  it('the package bin runs the built CLI', async () => {
    const run = await runProcess(['node', packageJson.bin.rollcall, '--version'], {});
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${packageJson.version}\n`, '']);
  });

  it('npm start -- --help prints the bot’s usage', async () => {
    const run = await runProcess(['npm', 'start', '--', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm start -- [options]');
    expect(run.stdout).toContain('--as <email>');
  });
});
