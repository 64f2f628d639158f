import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { consoleCaller, expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { snapshot, withoutActions } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('confirmations (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('the button id is opaque and long enough not to be guessed', async () => {
    const { core, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const { actionId, expiresAt } = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    expect(actionId).not.toContain('ann');
    expect(actionId.length).toBeGreaterThanOrEqual(22);
    expect(expiresAt).toBe(Date.UTC(2026, 10, 23, 12, 0, 0) + 15 * MINUTE);
  });

  it('only the person who asked may confirm or cancel', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    await join(core, owner, 'ann@x.test');
    const { actionId } = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(second, { actionId }), 'confirmation_not_yours');
    expectErr(await core.cancel(second, { actionId }), 'confirmation_not_yours');
    expectErr(await core.confirm(consoleCaller('ann@x.test'), { actionId }), 'confirmation_not_yours');
    expect(await snapshot(core, store, owner)).toEqual(before);
    expectOk(await core.confirm(owner, { actionId }));
  });

  it('runs at most once: a second click changes nothing and says why', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const { actionId } = expectOk(await core.requestRoleChange(owner, { email: 'ann@x.test', role: 'owner' }));
    expectOk(await core.confirm(owner, { actionId }));
    const before = await snapshot(core, store, owner);
    expect(expectErr(await core.confirm(owner, { actionId }), 'confirmation_already_used').state).toBe('done');
    expect(expectErr(await core.cancel(owner, { actionId }), 'confirmation_already_used').state).toBe('done');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('is valid for 15 minutes', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    await join(core, owner, 'bob@x.test');
    const late = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    const inTime = expectOk(await core.requestRemove(owner, { email: 'bob@x.test' }));
    clock.advance(15 * MINUTE - 1);
    expectOk(await core.confirm(owner, { actionId: inTime.actionId }));
    clock.advance(2);
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(owner, { actionId: late.actionId }), 'confirmation_expired');
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
    expect(expectOk(await core.list(owner, { what: 'members' })).members.map((m) => m.email)).toContain('ann@x.test');
  });

  it('checks permissions again: a requester demoted meanwhile cannot confirm', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    await join(core, owner, 'ann@x.test');
    const removal = expectOk(await core.requestRemove(second, { email: 'ann@x.test' }));
    const demote = expectOk(await core.requestRoleChange(owner, { email: 'second@x.test', role: 'member' }));
    expectOk(await core.confirm(owner, { actionId: demote.actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(second, { actionId: removal.actionId }), 'owner_only');
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
  });

  it('a requester removed meanwhile cannot confirm', async () => {
    const { core, store, owner } = await make.withOrg();
    const second = await join(core, owner, 'second@x.test', 'owner');
    await join(core, owner, 'ann@x.test');
    const removal = expectOk(await core.requestRemove(second, { email: 'ann@x.test' }));
    const removeSecond = expectOk(await core.requestRemove(owner, { email: 'second@x.test' }));
    expectOk(await core.confirm(owner, { actionId: removeSecond.actionId }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.confirm(second, { actionId: removal.actionId }), 'not_a_member');
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
  });

  it('cancel stops the action for good', async () => {
    const { core, store, owner } = await make.withOrg();
    await join(core, owner, 'ann@x.test');
    const { actionId, action } = expectOk(await core.requestRemove(owner, { email: 'ann@x.test' }));
    const before = await snapshot(core, store, owner);
    expect(expectOk(await core.cancel(owner, { actionId })).action).toEqual(action);
    expect(expectErr(await core.confirm(owner, { actionId }), 'confirmation_already_used').state).toBe('cancelled');
    expect(withoutActions(await snapshot(core, store, owner))).toEqual(withoutActions(before));
  });

  it('an unknown id is not found', async () => {
    const { core, owner } = await make.withOrg();
    expectErr(await core.confirm(owner, { actionId: 'made-up' }), 'confirmation_not_found');
    expectErr(await core.cancel(owner, { actionId: 'made-up' }), 'confirmation_not_found');
  });
});
