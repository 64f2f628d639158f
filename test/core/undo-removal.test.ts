import { describe, expect, it } from 'vitest';
import { HOUR, type MembershipCore, MINUTE } from '../../src/core/index.ts';
import { consoleCaller, expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

async function removeWithUndo(core: MembershipCore, owner: ReturnType<typeof consoleCaller>, email: string) {
  const { actionId } = expectOk(await core.requestRemove(owner, { email }));
  const outcome = expectOk(await core.confirm(owner, { actionId }));
  if (outcome.undo === undefined) throw new Error('a removal carries an undo');
  return outcome.undo;
}

describe.each(dialects)('undo a removal (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('within ten minutes the owner who removed restores the same role and join date, telling both', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const ann = await join(core, owner, 'ann@x.test', 'billing_admin');
    const joined = expectOk(await core.list(owner, { what: 'members' })).members;
    clock.advance(HOUR);
    const undo = await removeWithUndo(core, owner, 'ann@x.test');
    expect(undo.expiresAt).toBe(clock() + 10 * MINUTE);
    clock.advance(10 * MINUTE - 1);
    expect(expectOk(await core.undoRemoval(owner, { undoId: undo.undoId }))).toEqual({
      email: 'ann@x.test',
      role: 'billing_admin',
    });
    expect(expectOk(await core.list(owner, { what: 'members' })).members).toEqual(joined);
    expect(expectOk(await core.whoAmI(ann)).role).toBe('billing_admin');
    expect(expectOk(await core.activity(owner, {})).entries[0]).toMatchObject({
      actor: 'owner@acme.test',
      action: 'removal_undone',
      subject: 'ann@x.test',
    });
    const told = (await outboxRows(store)).filter((r) => r.event.kind === 'removal_undone');
    expect(told.map((r) => r.destination)).toEqual(
      expect.arrayContaining([
        { kind: 'channel', channelId: 'C-team' },
        { kind: 'email', email: 'ann@x.test' },
      ]),
    );
    expect(told).toHaveLength(2);
  });

  it('keeps the end of a time-limited membership', async () => {
    const { core, owner, clock } = await make.withOrg();
    const code = expectOk(await core.invite(owner, { emails: ['ann@x.test'], duration: '5d' })).invited[0]?.code;
    expectOk(await core.accept(consoleCaller('ann@x.test'), { code: code ?? '' }));
    const endsAt = clock() + 5 * 24 * HOUR;
    const undo = await removeWithUndo(core, owner, 'ann@x.test');
    expect(expectOk(await core.undoRemoval(owner, { undoId: undo.undoId })).endsAt).toBe(endsAt);
    const members = expectOk(await core.list(owner, { what: 'members' })).members;
    expect(members.find((m) => m.email === 'ann@x.test')?.endsAt).toBe(endsAt);
  });

  it('is refused after ten minutes, twice, by someone else, or with an unknown id, changing nothing', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    const member = await join(core, owner, 'plain@x.test');
    await join(core, owner, 'ann@x.test');
    await join(core, owner, 'bob@x.test');
    const ann = await removeWithUndo(core, owner, 'ann@x.test');
    const bob = await removeWithUndo(core, owner, 'bob@x.test');
    expectOk(await core.undoRemoval(owner, { undoId: ann.undoId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.undoRemoval(owner, { undoId: ann.undoId }), 'undo_already_used');
    expectErr(await core.undoRemoval(second, { undoId: bob.undoId }), 'undo_not_yours');
    expectErr(await core.undoRemoval(member, { undoId: bob.undoId }), 'owner_only');
    expectErr(await core.undoRemoval(owner, { undoId: 'nope' }), 'undo_not_found');
    clock.advance(10 * MINUTE);
    expectErr(await core.undoRemoval(owner, { undoId: bob.undoId }), 'undo_expired');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('says so when no seat is free, and when the person was invited again meanwhile', async () => {
    const { core, store, owner } = await make.withOrg({ orgMaxMembers: 2 });
    await join(core, owner, 'ann@x.test');
    const undo = await removeWithUndo(core, owner, 'ann@x.test');
    expectOk(await core.invite(owner, { emails: ['bob@x.test'] }));
    const before = await snapshot(core, store, owner);
    const full = expectErr(await core.undoRemoval(owner, { undoId: undo.undoId }), 'over_capacity');
    expect(full).toMatchObject({ seatsLeft: 0, requested: 1, limit: 2 });
    expect(await snapshot(core, store, owner)).toEqual(before);

    const { actionId } = expectOk(await core.requestRevoke(owner, { email: 'bob@x.test' }));
    expectOk(await core.confirm(owner, { actionId }));
    expectOk(await core.invite(owner, { emails: ['ann@x.test'] }));
    expectErr(await core.undoRemoval(owner, { undoId: undo.undoId }), 'invitation_pending');
  });

  it('leave and role changes carry no undo', async () => {
    const { core, owner } = await make.withOrg();
    const ann = await join(core, owner, 'ann@x.test');
    const role = expectOk(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'billing' }));
    expect(expectOk(await core.confirm(owner, { actionId: role.actionId }))).not.toHaveProperty('undo');
    const leave = expectOk(await core.requestLeave(ann));
    expect(expectOk(await core.confirm(ann, { actionId: leave.actionId }))).not.toHaveProperty('undo');
  });
});
