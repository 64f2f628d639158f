import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, runProcess } from '../cli/spawn-cli.ts';

describe('npm start without chat credentials', { timeout: 120_000 }, () => {
  it('runs a scripted console session on the embedded database from piped stdin', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl(), LOG_LEVEL: 'warn' };
    const script = ['setup Acme', 'invite bob@acme.test', 'list pending', 'leave', 'exit', 'list'].join('\n');
    const run = await runProcess(['node', '--import', 'tsx', 'src/main.ts', '--as', 'olivia@acme.test'], env, script);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Created Acme. You (olivia@acme.test) are its first owner.');
    expect(lines[1]).toMatch(/^Invited bob@acme\.test as Organization Member, expires in 48 hours\. .* accept \S+$/);
    expect(run.stdout).toContain('[#terminal] olivia@acme.test invited bob@acme.test to Acme as Organization Member.');
    expect(run.stdout).toMatch(
      /^ {2}bob@acme\.test {2}Organization Member {2}invited by olivia@acme\.test {2}expires in 48 hours$/m,
    );
    // The last answer is the refused leave: `exit` ended the session before the final `list`.
    // Bob is only invited, not a member: nobody could take over yet.
    expect(lines.at(-1)).toBe('You are the only owner and the only member, so you cannot leave.');
  });
});
