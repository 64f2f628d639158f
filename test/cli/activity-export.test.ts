import { describe, expect, it } from 'vitest';
import { coreOn, onConsole } from './cli-store.ts';
import { createdId, freshDatabaseUrl, rollcall } from './spawn-cli.ts';

/** RFC 4180 reading, enough for the export: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

// Commands run in-process through runCli; each opens and migrates the SQLite file as the bin would.
describe('rollcall activity export', { timeout: 120_000 }, () => {
  it('exports the same activity, oldest first, as JSON and as CSV', async () => {
    const DATABASE_URL = freshDatabaseUrl();
    const env = { DATABASE_URL };
    const name = 'Acme, "The" Company';
    const orgId = createdId(await rollcall(['org', 'create', name], env));
    await rollcall(['org', 'bind', orgId, 'console', 'local'], env);
    await rollcall(['owner', 'restore', orgId, 'olivia@acme.test'], env);
    const { store, core } = await coreOn(DATABASE_URL);
    try {
      const invited = await core.invite(onConsole('olivia@acme.test'), { emails: ['bob@acme.test'], role: 'billing' });
      expect(invited.ok).toBe(true);
    } finally {
      await store.close();
    }

    const json = await rollcall(['activity', 'export', orgId, '--format', 'json'], env);
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['cli', 'org_created', null],
      ['cli', 'owner_restored', 'olivia@acme.test'],
      ['olivia@acme.test', 'invited', 'bob@acme.test'],
    ]);
    expect(entries[0]?.details).toEqual({ name });
    expect(new Date(String(entries[2]?.at)).toISOString()).toBe(entries[2]?.at);

    const csv = await rollcall(['activity', 'export', orgId, '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout);
    expect(header).toEqual(['seq', 'at', 'actor', 'action', 'subject', 'details']);
    expect(rows).toEqual(
      entries.map((e) => [String(e.seq), e.at, e.actor, e.action, e.subject ?? '', JSON.stringify(e.details)]),
    );
  });

  it('says so when the organization does not exist', async () => {
    const run = await rollcall(['activity', 'export', 'nope', '--format', 'csv'], { DATABASE_URL: freshDatabaseUrl() });
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'No organization with id nope.\n' });
  });
});
