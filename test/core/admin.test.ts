import { describe, expect, it } from 'vitest';
import { createAdminCore } from '../../src/core/index.ts';
import { expectOk, fixtures, inviteOne, join } from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const OPERATOR = { actor: 'cli' } as const;

describe.each(dialects)('admin use cases (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('owner restore revokes a pending invitation with the same notice and activity as a chat revoke', async () => {
    const { core, store, clock, settings, owner } = await make.withOrg();
    const admin = createAdminCore({ store, clock, settings }, OPERATOR);
    await inviteOne(core, owner, 'bob@x.test');
    clock.advance(60_000);
    const before = (await outboxRows(store)).length;
    const orgId = (await admin.listOrgs())[0]?.id ?? '';

    const outcome = expectOk(await admin.restoreOwner({ orgId, email: 'bob@x.test' }));
    expect(outcome).toEqual({ kind: 'added', revokedInvitation: true });
    const queued = (await outboxRows(store)).slice(before);
    // The invitation's channel announcement is a live card: it is edited, as a chat revoke does (SPEC §11).
    expect(queued.map((row) => row.event)).toEqual([
      expect.objectContaining({ kind: 'card_update', changed: [{ email: 'bob@x.test', state: 'revoked' }] }),
    ]);
    expect(queued.map((row) => row.created_at)).toEqual([clock()]);
    const entries = expectOk(await admin.exportActivity({ orgId })).slice(-2);
    expect(entries.map((e) => [e.actor, e.action, e.subject, e.at])).toEqual([
      ['cli', 'invitation_revoked', 'bob@x.test', clock()],
      ['cli', 'owner_restored', 'bob@x.test', clock()],
    ]);
  });

  it('owner restore promotes a member with a role-change notice, and refuses a full organization', async () => {
    const { core, store, clock, settings, owner } = await make.withOrg({ orgMaxMembers: 2 });
    const admin = createAdminCore({ store, clock, settings }, OPERATOR);
    await join(core, owner, 'ann@x.test');
    const orgId = (await admin.listOrgs())[0]?.id ?? '';
    expect(expectOk(await admin.restoreOwner({ orgId, email: 'ann@x.test' }))).toEqual({
      kind: 'promoted',
      from: 'member',
    });
    const events = (await outboxRows(store)).map((row) => row.event.kind);
    expect(events.filter((kind) => kind === 'role_changed').length).toBeGreaterThan(0);
    const refused = await admin.restoreOwner({ orgId, email: 'zed@x.test' });
    expect(refused).toEqual({ ok: false, error: { code: 'org_full', email: 'zed@x.test', limit: 2 } });
  });
});
