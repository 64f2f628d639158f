import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import {
  consoleCaller,
  expectErr,
  expectOk,
  fixtures,
  INVITE_TTL_MS,
  inviteOne,
  join,
} from '../support/core-harness.ts';
import { snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const ann = consoleCaller('ann@x.test');

describe.each(dialects)('resend (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('issues a new code and a fresh 48 hours; the old code stops working', async () => {
    const { core, owner, clock } = await make.withOrg();
    const oldCode = await inviteOne(core, owner, 'ann@x.test');
    clock.advance(30 * MINUTE);
    const resent = expectOk(await core.resend(owner, { email: 'Ann@x.test' }));
    expect(resent).toMatchObject({ email: 'ann@x.test', role: 'member', expiresAt: clock() + INVITE_TTL_MS });
    expect(resent.code).not.toBe(oldCode);
    const pending = expectOk(await core.list(owner, { what: 'pending' })).pending;
    expect(pending).toEqual([
      expect.objectContaining({ email: 'ann@x.test', sentAt: clock(), expiresAt: resent.expiresAt }),
    ]);
    expectErr(await core.accept(ann, { code: oldCode }), 'invalid_code');
    expectOk(await core.accept(ann, { code: resent.code }));
  });

  it('the fresh 48 hours count from the resend', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(40 * 60 * MINUTE);
    const { code } = expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    clock.advance(47 * 60 * MINUTE);
    expect(await expireInvitations(store, clock())).toBe(0);
    expectOk(await core.accept(ann, { code }));
  });

  it('works on an expired invitation, making it pending again', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + MINUTE);
    expect(await expireInvitations(store, clock())).toBe(1);
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending).toEqual([]);
    const { code } = expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    expect(expectOk(await core.list(owner, { what: 'pending' })).pending.map((p) => p.email)).toEqual(['ann@x.test']);
    expect(expectOk(await core.accept(ann, { code })).role).toBe('member');
  });

  it('works on a pending invitation past its 48 hours before the sweep ran', async () => {
    const { core, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS + MINUTE);
    const { code } = expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    expectOk(await core.accept(ann, { code }));
  });

  it('allows at most one resend every 10 minutes per invitation', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    await inviteOne(core, owner, 'bob@x.test');
    clock.advance(10 * MINUTE);
    const first = expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    const resentAt = clock();
    clock.advance(9 * MINUTE);
    const before = await snapshot(core, store, owner);
    const refused = expectErr(await core.resend(owner, { email: 'ann@x.test' }), 'resend_too_soon');
    expect(refused).toMatchObject({ email: 'ann@x.test', retryAt: resentAt + 10 * MINUTE });
    expect(await snapshot(core, store, owner)).toEqual(before);
    // The refused resend left the last code working.
    expectOk(await core.accept(ann, { code: first.code }));
    expectOk(await core.resend(owner, { email: 'bob@x.test' }));
  });

  it('allows the next resend once 10 minutes have passed', async () => {
    const { core, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(10 * MINUTE);
    expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    clock.advance(10 * MINUTE);
    expectOk(await core.resend(owner, { email: 'ann@x.test' }));
  });

  it('only an owner or the inviter may resend', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const inviter = await join(core, owner, 'inviter@x.test');
    const other = await join(core, owner, 'other@x.test');
    await inviteOne(core, inviter, 'ann@x.test');
    clock.advance(10 * MINUTE);
    const before = await snapshot(core, store, owner);
    expectErr(await core.resend(other, { email: 'ann@x.test' }), 'not_inviter');
    expectErr(await core.resend(consoleCaller('stranger@x.test'), { email: 'ann@x.test' }), 'not_a_member');
    expect(await snapshot(core, store, owner)).toEqual(before);
    expectOk(await core.resend(inviter, { email: 'ann@x.test' }));
    clock.advance(10 * MINUTE);
    expectOk(await core.resend(owner, { email: 'ann@x.test' }));
  });

  it('refuses an email that has no invitation to resend', async () => {
    const { core, owner } = await make.withOrg();
    expectErr(await core.resend(owner, { email: 'nobody@x.test' }), 'invitation_not_found');
  });
});
