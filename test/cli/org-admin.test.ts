import { describe, expect, it } from 'vitest';
import { createdId, freshDatabaseUrl, rollcall } from './spawn-cli.ts';

// Each test spawns several real CLI processes; start-up dominates, so allow for a loaded machine.
describe('rollcall migrate and org', { timeout: 120_000 }, () => {
  it('migrates a new database once and then reports it up to date', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const first = await rollcall(['migrate'], env);
    expect(first).toMatchObject({
      code: 0,
      stdout: 'Applied 001-initial\nApplied 002-outbox-retention-and-order\n',
      stderr: '',
    });
    expect(await rollcall(['migrate'], env)).toMatchObject({ code: 0, stdout: 'Already up to date.\n' });
  });

  it('creates organizations and lists them with limit, member count and bindings', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl(), ORG_MAX_MEMBERS: '40' };
    const acme = createdId(await rollcall(['org', 'create', 'Acme Inc', '--limit', '5'], env));
    const globex = createdId(await rollcall(['org', 'create', 'Globex'], env));
    expect(await rollcall(['org', 'bind', acme, 'slack', 'T123'], env)).toMatchObject({ code: 0 });
    expect(await rollcall(['org', 'bind', acme, 'discord', '987654321098765432'], env)).toMatchObject({ code: 0 });

    const listed = await rollcall(['org', 'list'], env);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID\s+NAME\s+LIMIT\s+MEMBERS\s+BINDINGS$/);
    expect(rows.slice(1).map((row) => row.split(/\s{2,}/))).toEqual([
      [acme, 'Acme Inc', '5', '0', 'discord:987654321098765432, slack:T123'],
      [globex, 'Globex', '40', '0', '-'],
    ]);
  });

  it("refuses to bind a workspace that is another organization's, and changes nothing", async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const acme = createdId(await rollcall(['org', 'create', 'Acme'], env));
    const globex = createdId(await rollcall(['org', 'create', 'Globex'], env));
    await rollcall(['org', 'bind', acme, 'slack', 'T1'], env);

    const again = await rollcall(['org', 'bind', acme, 'slack', 'T1'], env);
    expect(again).toMatchObject({ code: 0, stdout: `Already bound: ${acme} to slack T1.\n` });
    const stolen = await rollcall(['org', 'bind', globex, 'slack', 'T1'], env);
    expect(stolen).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `slack T1 is already bound to organization ${acme}.\n`,
    });
    const second = await rollcall(['org', 'bind', acme, 'slack', 'T2'], env);
    expect(second).toMatchObject({ code: 1, stderr: 'Acme is already bound to slack T1.\n' });
    const listed = (await rollcall(['org', 'list'], env)).stdout;
    expect(listed).toMatch(new RegExp(`${globex}\\s+Globex\\s+100\\s+0\\s+-`));
    expect(listed).not.toContain('T2');
  });

  it('says which organization id is unknown', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const run = await rollcall(['org', 'bind', 'no-such-org', 'console', 'local'], env);
    expect(run).toMatchObject({ code: 1, stderr: 'No organization with id no-such-org.\n' });
  });
});
