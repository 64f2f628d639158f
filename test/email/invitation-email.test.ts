import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { consoleCaller, expectErr, expectOk, inviteOne } from '../support/core-harness.ts';
import { availableDialects } from '../support/stores.ts';
import { emailWorlds, linkCode, MAIL_FROM, PUBLIC_URL } from './email-world.ts';
import { parseMail } from './mime.ts';
import { startSmtpStandIn } from './smtp-stand-in.ts';

const dialects = await availableDialects();

describe.each(dialects)('invitation emails (%s)', (dialect) => {
  const world = emailWorlds(dialect);
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  afterEach(async () => smtp?.close());

  it('an invitee gets an email naming the organization, role, inviter and expiry, with the code and the link', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    const outcome = expectOk(await w.core.invite(w.owner, { emails: ['Bea@Example.test'], role: 'billing-admin' }));
    expect(outcome.invited.map((i) => [i.email, i.emailed])).toEqual([['bea@example.test', true]]);
    const code = outcome.invited[0]?.code ?? '';
    expect(await w.dispatch()).toEqual({ delivered: 2, retried: 0, undeliverable: 0 });

    expect(smtp.received).toHaveLength(1);
    const [sent] = smtp.received;
    expect(sent?.to).toEqual(['bea@example.test']);
    expect(sent?.from).toBe('rollcall@example.test');
    const mail = parseMail(sent?.raw ?? '');
    expect(mail.headers.get('from')).toBe(MAIL_FROM);
    expect(mail.headers.get('to')).toBe('bea@example.test');
    expect(mail.headers.get('subject')).toBe('owner@acme.test invited you to join Acme');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Acme');
      expect(part).toContain('Organization Billing Admin');
      expect(part).toContain('owner@acme.test');
      expect(part).toContain(code);
      expect(part).toContain(`${PUBLIC_URL}/invitations/${code}`);
      expect(part).toMatch(/expires .*UTC \(in 48 hours\)/);
    }
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invitations/${code}"`);
    expect(linkCode(mail.text)).toBe(code);
  });

  it('the code reaches only the invitee: the channel notice has none, and the outbox keeps none once delivered', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    const code = await inviteOne(w.core, w.owner, 'bea@example.test');
    const queued = await w.store.db.selectFrom('outbox').select(['platform', 'event', 'secret']).execute();
    expect(queued.map((r) => [r.platform, r.secret])).toEqual(
      expect.arrayContaining([
        ['console', null],
        ['email', code],
      ]),
    );
    for (const row of queued) expect(row.event).not.toContain(code);
    await w.dispatch();
    const settled = await w.store.db.selectFrom('outbox').select(['state', 'secret']).execute();
    expect(settled).toEqual([
      { state: 'delivered', secret: null },
      { state: 'delivered', secret: null },
    ]);
    expect(JSON.stringify(w.terminal.delivered)).not.toContain(code);
  });

  it('a resend emails a new code, and the old link stops working', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    await inviteOne(w.core, w.owner, 'bea@example.test');
    await w.dispatch();
    w.clock.advance(11 * MINUTE);
    const resent = expectOk(await w.core.resend(w.owner, { email: 'bea@example.test' }));
    expect(resent.emailed).toBe(true);
    await w.dispatch();

    expect(smtp.received).toHaveLength(2);
    const [first, second] = smtp.received.map((m) => linkCode(parseMail(m.raw).text));
    expect(second).toBe(resent.code);
    expect(first).not.toBe(second);
    expectErr(await w.core.viewInvitation({ code: first ?? '' }), 'invalid_code');
    expect(expectOk(await w.core.viewInvitation({ code: second ?? '' })).email).toBe('bea@example.test');
  });

  it('a removed member and the target of a role change are told by email', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    for (const email of ['bea@example.test', 'cy@example.test']) {
      const code = await inviteOne(w.core, w.owner, email);
      expectOk(await w.core.acceptByLink({ code }));
    }
    const role = expectOk(await w.core.requestRoleChange(w.owner, { email: 'bea@example.test', role: 'owner' }));
    expectOk(await w.core.confirm(w.owner, { actionId: role.actionId }));
    const remove = expectOk(await w.core.requestRemove(w.owner, { email: 'cy@example.test' }));
    expectOk(await w.core.confirm(w.owner, { actionId: remove.actionId }));
    await w.dispatch();

    const mails = smtp.received.slice(2).map((m) => ({ to: m.to, ...parseMail(m.raw) }));
    expect(mails.map((m) => [m.to[0], m.headers.get('subject')])).toEqual([
      ['bea@example.test', 'Your role in Acme is now Organization Owner'],
      ['cy@example.test', 'You were removed from Acme'],
    ]);
    expect(mails[0]?.text).toContain('Your role in Acme is now Organization Owner (it was Organization Member).');
    expect(mails[1]?.text).toContain('You were removed from Acme by owner@acme.test.');
    expect(mails[1]?.html).toContain('You were removed from Acme by owner@acme.test.');
  });

  it('the new owner of a transferred organization is told by email, and no one else', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    const code = await inviteOne(w.core, w.owner, 'bea@example.test');
    expectOk(await w.core.acceptByLink({ code }));
    const transfer = expectOk(await w.core.requestTransfer(w.owner, { email: 'bea@example.test' }));
    expectOk(await w.core.confirm(w.owner, { actionId: transfer.actionId }));
    await w.dispatch();

    const mails = smtp.received.slice(1).map((m) => ({ to: m.to, ...parseMail(m.raw) }));
    expect(mails.map((m) => [m.to[0], m.headers.get('subject')])).toEqual([
      ['bea@example.test', 'You are now the owner of Acme'],
    ]);
    const said =
      'owner@acme.test handed Acme to you: your role is now Organization Owner, and owner@acme.test is now a member.';
    expect(mails[0]?.text).toContain(said);
    expect(mails[0]?.html).toContain(said);
  });

  it('a name with markup is escaped in the HTML part and plain in the text part', async () => {
    smtp = await startSmtpStandIn();
    const w = await world(smtp.url);
    const other = consoleCaller('boss@x.test', 'other');
    expectOk(
      await w.core.setup(other, { orgName: '<b>Tom & Jerry</b>', isPlatformAdmin: true, defaultChannelId: 't' }),
    );
    await inviteOne(w.core, other, 'bea@example.test');
    await w.dispatch();
    const mail = parseMail(smtp.received[0]?.raw ?? '');
    expect(mail.text).toContain('join <b>Tom & Jerry</b> as');
    expect(mail.html).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Tom');
  });
});
