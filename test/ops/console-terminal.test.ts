import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freshSqliteUrl } from './bot-process.ts';

/**
 * A person at a terminal: `script` gives the console a pseudo-terminal for stdin, stdout and
 * stderr alike, so whatever the process logs would land between the prompts.
 */
describe('the console in a terminal', { timeout: 60_000 }, () => {
  it('shows the greeting, prompts and answers, and no start-up log lines', async () => {
    const child = spawn('script', ['-qec', 'node --import tsx src/main.ts --as olivia@acme.test', '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: freshSqliteUrl() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
    });
    const waitFor = async (text: string) => {
      const deadline = Date.now() + 30_000;
      while (!screen.includes(text)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never saw ${text}: ${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await waitFor('rollcall (olivia@acme.test)> ');
    child.stdin.write('setup Acme\r');
    await waitFor('Created Acme.');
    child.stdin.write('exit\r');
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    expect(screen).toContain('Rollcall console on the embedded database.');
    expect(screen).not.toMatch(/migrations applied|"level"|INFO/);
  });
});
