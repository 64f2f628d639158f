import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { expectErr, expectOk, fixtures, INVITE_TTL_MS, inviteOne, requestAndConfirm } from '../support/core-harness.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('answering by link (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('the link shows the invitation, and accepting it makes a member with the invited role', async () => {
    const { core, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'bea@example.test', 'billing_admin');
    const view = expectOk(await core.viewInvitation({ code: code.toLowerCase() }));
    expect(view).toMatchObject({
      orgName: 'Acme',
      role: 'billing_admin',
      invitedBy: owner.userId,
      platforms: ['console'],
    });
    expect(expectOk(await core.acceptByLink({ code })).answer).toBe('accepted');
    const roster = expectOk(await core.list(owner, { what: 'members' }));
    expect(roster.members.find((m) => m.email === 'bea@example.test')?.role).toBe('billing_admin');
    expectErr(await core.acceptByLink({ code }), 'invitation_not_pending');
  });

  it('a link whose time ran out is refused at that moment, before the sweep has run', async () => {
    const { core, owner, clock } = await make.withOrg();
    const code = await inviteOne(core, owner, 'bea@example.test');
    clock.advance(INVITE_TTL_MS);
    expectErr(await core.viewInvitation({ code }), 'invitation_expired');
    expectErr(await core.acceptByLink({ code }), 'invitation_expired');
    clock.advance(HOUR);
    const roster = expectOk(await core.list(owner, { what: 'members' }));
    expect(roster.members.map((m) => m.email)).not.toContain('bea@example.test');
  });

  it('a revoked link says revoked and nothing else; an unknown one is not found', async () => {
    const { core, owner } = await make.withOrg();
    const code = await inviteOne(core, owner, 'bea@example.test');
    await requestAndConfirm(core, owner, core.requestRevoke(owner, { email: 'bea@example.test' }));
    expect(expectErr(await core.viewInvitation({ code }), 'invitation_not_pending').state).toBe('revoked');
    expectErr(await core.declineByLink({ code }), 'invitation_not_pending');
    expectErr(await core.viewInvitation({ code: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' }), 'invalid_code');
  });
});
