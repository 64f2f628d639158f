import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/core/index.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { sendReminders } from '../../src/jobs/send-reminders.ts';
import { consoleCaller, expectOk, fixtures, INVITE_TTL_MS, inviteOne, join } from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

async function reminders(store: Parameters<typeof outboxRows>[0]) {
  return (await outboxRows(store)).flatMap((r) =>
    r.event.kind === 'invitation_reminder' ? [{ to: r.destination, which: r.event.which, email: r.event.email }] : [],
  );
}

describe.each(dialects)('expiry reminders (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('reminds the inviter once at half the time left and once an hour before expiry', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const inviter = await join(core, owner, 'inviter@x.test');
    await inviteOne(core, inviter, 'ann@x.test');
    clock.advance(INVITE_TTL_MS / 2 - MINUTE);
    expect(await sendReminders(store, clock())).toBe(0);
    clock.advance(MINUTE);
    expect(await sendReminders(store, clock())).toBe(1);
    expect(await sendReminders(store, clock())).toBe(0);
    expect(await reminders(store)).toEqual([
      { to: { kind: 'email', email: 'inviter@x.test' }, which: 'half', email: 'ann@x.test' },
    ]);
    clock.advance(INVITE_TTL_MS / 2 - HOUR - MINUTE);
    expect(await sendReminders(store, clock())).toBe(0);
    clock.advance(MINUTE);
    expect(await sendReminders(store, clock())).toBe(1);
    clock.advance(30 * MINUTE);
    expect(await sendReminders(store, clock())).toBe(0);
    expect((await reminders(store)).map((r) => r.which)).toEqual(['half', 'last']);
    const [last] = (await outboxRows(store)).filter((r) => r.event.kind === 'invitation_reminder').slice(-1);
    expect(last?.event).toMatchObject({ orgName: 'Acme', role: 'member', expiresAt: clock() + 30 * MINUTE });
  });

  it('never reminds about an invitation that was accepted, declined, revoked or expired', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const accepted = await inviteOne(core, owner, 'acc@x.test');
    const declined = await inviteOne(core, owner, 'dec@x.test');
    await inviteOne(core, owner, 'rev@x.test');
    expectOk(await core.accept(consoleCaller('acc@x.test'), { code: accepted }));
    expectOk(await core.decline(consoleCaller('dec@x.test'), { code: declined }));
    const { actionId } = expectOk(await core.requestRevoke(owner, { email: 'rev@x.test' }));
    expectOk(await core.confirm(owner, { actionId }));
    clock.advance(INVITE_TTL_MS / 2);
    expect(await sendReminders(store, clock())).toBe(0);
    clock.advance(INVITE_TTL_MS);
    expect(await sendReminders(store, clock())).toBe(0);

    await inviteOne(core, owner, 'late@x.test');
    clock.advance(INVITE_TTL_MS + 1);
    await expireInvitations(store, clock());
    expect(await sendReminders(store, clock())).toBe(0);
    expect(await reminders(store)).toEqual([]);
  });

  it('a sweep that fell behind sends only the later reminder', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS - 30 * MINUTE);
    expect(await sendReminders(store, clock())).toBe(1);
    expect(await sendReminders(store, clock())).toBe(0);
    expect((await reminders(store)).map((r) => r.which)).toEqual(['last']);
  });

  it('a resend gives a fresh 48 hours and its reminders again', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    await inviteOne(core, owner, 'ann@x.test');
    clock.advance(INVITE_TTL_MS / 2);
    expect(await sendReminders(store, clock())).toBe(1);
    expectOk(await core.resend(owner, { email: 'ann@x.test' }));
    expect(await sendReminders(store, clock())).toBe(0);
    clock.advance(INVITE_TTL_MS / 2);
    expect(await sendReminders(store, clock())).toBe(1);
    clock.advance(INVITE_TTL_MS / 2 - HOUR);
    expect(await sendReminders(store, clock())).toBe(1);
    expect((await reminders(store)).map((r) => r.which)).toEqual(['half', 'half', 'last']);
  });

  it('an inviter who left is not reminded', async () => {
    const { core, store, owner, clock } = await make.withOrg();
    const inviter = await join(core, owner, 'inviter@x.test');
    await inviteOne(core, inviter, 'ann@x.test');
    const { actionId } = expectOk(await core.requestLeave(inviter));
    expectOk(await core.confirm(inviter, { actionId }));
    clock.advance(INVITE_TTL_MS / 2);
    expect(await sendReminders(store, clock())).toBe(1);
    expect(await reminders(store)).toEqual([]);
  });
});
