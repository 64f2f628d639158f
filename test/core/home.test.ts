import { describe, expect, it } from 'vitest';
import { createMembershipCore, type OrgChange, type RosterRow, type RowRef } from '../../src/core/index.ts';
import { testSettings } from '../support/core-build.ts';
import {
  consoleCaller,
  expectErr,
  expectOk,
  fixtures,
  inviteOne,
  join,
  OWNER_EMAIL,
  setupOrg,
} from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('the Home and row actions (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('an owner’s Home: roster with each row’s actions, and the last ten activity entries', async () => {
    const { core, owner, clock } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    await inviteOne(core, ann, 'bob@x.test');
    for (let i = 0; i < 10; i += 1) await inviteOne(core, owner, `p${i}@x.test`);
    const home = expectOk(await core.home(owner));
    if (home.kind !== 'member') throw new Error('expected a member Home');
    expect(home.viewer).toEqual({ email: OWNER_EMAIL, role: 'owner' });
    expect(home.roster.seatsUsed).toBe(13);
    expect(home.activity).toHaveLength(10);
    expect(home.activity[0]).toMatchObject({ action: 'invited', subject: 'p9@x.test' });
    const actions = (email: string) =>
      [...home.roster.members, ...home.roster.pending].find((row) => row.email === email)?.actions;
    expect(actions(OWNER_EMAIL)).toEqual([]);
    expect(actions('ann@x.test')).toEqual(['role', 'remove']);
    expect(actions('bob@x.test')).toEqual(['revoke']);
    clock.advance(10 * 60_000);
    const later = expectOk(await core.home(owner));
    if (later.kind !== 'member') throw new Error('expected a member Home');
    expect(later.roster.pending.find((p) => p.email === 'bob@x.test')?.actions).toEqual(['resend', 'revoke']);
  });

  it('a member’s Home: no activity, Leave on their own row, Revoke on what they sent, nothing else', async () => {
    const { core, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    await inviteOne(core, ann, 'bob@x.test');
    await inviteOne(core, owner, 'cat@x.test');
    const home = expectOk(await core.home(ann));
    if (home.kind !== 'member') throw new Error('expected a member Home');
    expect(home.activity).toEqual([]);
    const rows = [...home.roster.members, ...home.roster.pending].map((r) => [r.email, r.actions]);
    expect(Object.fromEntries(rows)).toEqual({
      [OWNER_EMAIL]: [],
      'ann@x.test': ['leave'],
      'bob@x.test': ['revoke'],
      'cat@x.test': [],
    });
  });

  it('a stranger sees only the pending invitations addressed to their email, from any organization', async () => {
    const { core, owner, clock } = await make.withOrg();
    const elsewhere = consoleCaller('boss@other.test', 'other');
    await setupOrg(core, elsewhere, 'Other');
    await inviteOne(core, owner, 'dan@x.test', 'billing_admin');
    await inviteOne(core, elsewhere, 'dan@x.test');
    await inviteOne(core, owner, 'eve@x.test');
    const dan = consoleCaller('dan@x.test');
    const home = expectOk(await core.home(dan));
    expect(home).toMatchObject({ kind: 'stranger', reason: 'not_a_member' });
    if (home.kind !== 'stranger') throw new Error('expected a stranger Home');
    expect(home.invitations.map((i) => [i.orgName, i.role])).toEqual([
      ['Acme', 'billing_admin'],
      ['Other', 'member'],
    ]);
    expect(JSON.stringify(home)).not.toContain('eve@x.test');
    clock.advance(49 * 3_600_000);
    expect(expectOk(await core.home(dan))).toMatchObject({ kind: 'stranger', invitations: [] });
    const nowhere = expectOk(await core.home(consoleCaller('dan@x.test', 'no-org-here')));
    expect(nowhere).toMatchObject({ kind: 'stranger', reason: 'org_not_set_up' });
  });

  it('a row action checks the row’s actions, then the command’s rules, and stores the usual confirmation', async () => {
    const { core, store, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    const home = expectOk(await core.home(owner));
    if (home.kind !== 'member') throw new Error('expected a member Home');
    const annRef = home.roster.members.find((m) => m.email === 'ann@x.test')?.ref as RowRef;
    const ownerRef = home.roster.members.find((m) => m.email === OWNER_EMAIL)?.ref as RowRef;
    const before = await snapshot(core, store, owner);
    expectErr(await core.requestRowAction(ann, { row: ownerRef, action: 'remove' }), 'row_action_not_allowed');
    expectErr(await core.requestRowAction(ann, { row: ownerRef, action: 'leave' }), 'row_action_not_allowed');
    expectErr(await core.requestRowAction(owner, { row: ownerRef, action: 'leave' }), 'row_action_not_allowed');
    expectErr(await core.requestRowAction(owner, { row: annRef, action: 'role', role: 'member' }), 'same_role');
    expectErr(await core.requestRowAction(owner, { row: { memberRef: 'forged' }, action: 'remove' }), 'row_not_found');
    expect(await snapshot(core, store, owner)).toEqual(before);
    const pending = expectOk(
      await core.requestRowAction(owner, { row: annRef, action: 'role', role: 'billing-admin' }),
    );
    expect(pending.action).toEqual({ kind: 'role', email: 'ann@x.test', from: 'member', to: 'billing_admin' });
    expectOk(await core.confirm(owner, { actionId: pending.actionId }));
    const row = expectOk(await core.describeRow(owner, { row: annRef })) satisfies RosterRow;
    expect(row).toMatchObject({ state: 'member', role: 'billing_admin', actions: ['role', 'remove'] });
  });

  it('another organization’s member reference or invitation id resolves to nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const elsewhere = consoleCaller('boss@other.test', 'other');
    await setupOrg(core, elsewhere, 'Other');
    await join(core, elsewhere, 'vic@other.test');
    await inviteOne(core, elsewhere, 'pat@other.test');
    const other = expectOk(await core.list(elsewhere, { what: 'all' }));
    const theirs = [...other.members.map((m) => m.ref), ...other.pending.map((p) => p.ref)];
    const before = await snapshot(core, store, elsewhere);
    for (const row of theirs) {
      expectErr(await core.describeRow(owner, { row }), 'row_not_found');
      expectErr(await core.requestRowAction(owner, { row, action: 'remove' }), 'row_not_found');
      expectErr(await core.requestRowAction(owner, { row, action: 'revoke' }), 'row_not_found');
      expectErr(await core.resendRow(owner, { row }), 'row_not_found');
    }
    expect(await snapshot(core, store, elsewhere)).toEqual(before);
  });

  it('resend from a row keeps resend’s own rules: the inviter or an owner, ten minutes apart', async () => {
    const { core, owner, clock } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    await inviteOne(core, owner, 'bob@x.test');
    const roster = expectOk(await core.list(owner, { what: 'pending' }));
    const row = roster.pending[0]?.ref as RowRef;
    expectErr(await core.resendRow(owner, { row }), 'resend_too_soon');
    clock.advance(10 * 60_000);
    expectErr(await core.resendRow(ann, { row }), 'not_inviter');
    expect(expectOk(await core.resendRow(owner, { row })).email).toBe('bob@x.test');
  });

  it('the post-commit hook names the organization each change was about, and not a refusal', async () => {
    const fixture = await make.bare();
    const changes: OrgChange[] = [];
    const core = createMembershipCore({
      store: fixture.store,
      clock: fixture.clock,
      settings: testSettings(),
      afterCommit: (change) => changes.push(change),
    });
    const owner = consoleCaller(OWNER_EMAIL);
    await setupOrg(core, owner);
    const elsewhere = consoleCaller('boss@other.test', 'other');
    await setupOrg(core, elsewhere, 'Other');
    changes.splice(0);
    // No channel, no DM, no email: only the activity says that Acme changed.
    await inviteOne(core, owner, 'ann@x.test');
    await inviteOne(core, elsewhere, 'bob@x.test');
    expect(changes).toHaveLength(2);
    const [acme, other] = changes.map((c) => c.orgIds);
    expect(acme).toHaveLength(1);
    expect(other).toHaveLength(1);
    expect(acme).not.toEqual(other);
    expectErr(await core.invite(owner, { emails: ['not an email'] }), 'invalid_emails');
    expect(changes).toHaveLength(2);
  });
});
