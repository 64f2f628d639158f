import { describe, expect, it } from 'vitest';
import { coreOn, onConsole } from './cli-store.ts';
import { createdId, freshDatabaseUrl, rollcall } from './spawn-cli.ts';

// Commands run in-process through runCli; each opens and migrates the SQLite file as the bin would.
describe('rollcall owner restore', { timeout: 120_000 }, () => {
  it('makes a new email owner, a member owner, and revokes a pending invitation of the new owner', async () => {
    const DATABASE_URL = freshDatabaseUrl();
    const env = { DATABASE_URL };
    const orgId = createdId(await rollcall(['org', 'create', 'Acme'], env));
    await rollcall(['org', 'bind', orgId, 'console', 'local'], env);
    expect(await rollcall(['owner', 'restore', orgId, 'Olivia@Acme.test'], env)).toMatchObject({
      code: 0,
      stdout: 'olivia@acme.test is now an owner (new member).\n',
    });

    const { store, core } = await coreOn(DATABASE_URL);
    try {
      const invited = await core.invite(onConsole('olivia@acme.test'), {
        emails: ['bob@acme.test', 'carol@acme.test'],
      });
      if (!invited.ok) throw new Error(invited.error.code);
      const [bob, carol] = invited.value.invited;
      expect((await core.accept(onConsole('carol@acme.test'), { code: carol?.code ?? '' })).ok).toBe(true);

      const promoted = await rollcall(['owner', 'restore', orgId, 'carol@acme.test'], env);
      expect(promoted).toMatchObject({ code: 0, stdout: 'carol@acme.test is now an owner (was member).\n' });
      const added = await rollcall(['owner', 'restore', orgId, 'bob@acme.test'], env);
      expect(added.stdout).toBe('bob@acme.test is now an owner (new member; their pending invitation was revoked).\n');
      const again = await rollcall(['owner', 'restore', orgId, 'bob@acme.test'], env);
      expect(again.stdout).toBe('bob@acme.test is already an owner; nothing changed.\n');

      const roster = await core.list(onConsole('olivia@acme.test'), { what: 'all' });
      if (!roster.ok) throw new Error(roster.error.code);
      expect(roster.value.members.map((m) => [m.email, m.role])).toEqual(
        expect.arrayContaining([
          ['bob@acme.test', 'owner'],
          ['carol@acme.test', 'owner'],
          ['olivia@acme.test', 'owner'],
        ]),
      );
      expect(roster.value.pending).toEqual([]);
      // Bob's old code must not work any more: he is a member now and the invitation is closed.
      expect((await core.accept(onConsole('bob@acme.test'), { code: bob?.code ?? '' })).ok).toBe(false);

      const restored = await store.db
        .selectFrom('activity')
        .select(['actor', 'subject', 'details'])
        .where('org_id', '=', orgId)
        .where('action', '=', 'owner_restored')
        .orderBy('seq')
        .execute();
      expect(restored).toEqual([
        { actor: 'cli', subject: 'olivia@acme.test', details: '{"from":"none"}' },
        { actor: 'cli', subject: 'carol@acme.test', details: '{"from":"member"}' },
        { actor: 'cli', subject: 'bob@acme.test', details: '{"from":"none"}' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses to add a new owner to a full organization, changing nothing', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const orgId = createdId(await rollcall(['org', 'create', 'Tiny', '--limit', '1'], env));
    await rollcall(['owner', 'restore', orgId, 'olivia@tiny.test'], env);
    const refused = await rollcall(['owner', 'restore', orgId, 'bob@tiny.test'], env);
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'The organization is full (limit 1); bob@tiny.test cannot be added.\n',
    });
    expect((await rollcall(['org', 'list'], env)).stdout).toMatch(/Tiny\s+1\s+1\s+-/);
  });
});
