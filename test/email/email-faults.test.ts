import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { expectOk, inviteOne } from '../support/core-harness.ts';
import { availableDialects } from '../support/stores.ts';
import { emailWorlds } from './email-world.ts';
import { startHungSmtp, startSmtpStandIn } from './smtp-stand-in.ts';

const dialects = await availableDialects();

describe.each(dialects)('email delivery faults (%s)', (dialect) => {
  const world = emailWorlds(dialect);
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('a server answering 451 twice gets the invitation on the third try, once: lost 0, duplicated 0', async () => {
    const smtp = await startSmtpStandIn({ kind: 'tempfail', times: 2 });
    closers.push(smtp.close);
    const w = await world(smtp.url);
    await inviteOne(w.core, w.owner, 'bea@example.test');
    expect(await w.dispatch()).toEqual({ delivered: 1, retried: 1, undeliverable: 0 });
    w.clock.advance(HOUR);
    expect(await w.dispatch()).toEqual({ delivered: 0, retried: 1, undeliverable: 0 });
    w.clock.advance(HOUR);
    expect(await w.dispatch()).toEqual({ delivered: 1, retried: 0, undeliverable: 0 });
    w.clock.advance(24 * HOUR);
    expect(await w.dispatch()).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    expect(smtp.counts.data).toBe(3);
    expect(smtp.received).toHaveLength(1); // lost 0, duplicated 0
    const row = await w.store.db.selectFrom('outbox').selectAll().where('platform', '=', 'email').executeTakeFirst();
    expect([row?.state, row?.attempts, row?.secret]).toEqual(['delivered', 3, null]);
  });

  it('a refused recipient is recorded undeliverable in the activity and /metrics, and never tried again', async () => {
    const smtp = await startSmtpStandIn({ kind: 'refuse_recipient' });
    closers.push(smtp.close);
    const w = await world(smtp.url);
    await inviteOne(w.core, w.owner, 'nobody@example.test');
    expect(await w.dispatch()).toEqual({ delivered: 1, retried: 0, undeliverable: 1 });
    for (let i = 0; i < 3; i += 1) {
      w.clock.advance(24 * HOUR);
      expect(await w.dispatch()).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    }
    expect(smtp.counts.rcpt).toBe(1);
    const row = await w.store.db.selectFrom('outbox').selectAll().where('platform', '=', 'email').executeTakeFirst();
    expect([row?.state, row?.secret]).toEqual(['undeliverable', null]);
    expect(row?.last_error).toContain('550');
    const page = expectOk(await w.core.activity(w.owner, {}));
    const entry = page.entries.find((e) => e.action === 'notification_undeliverable');
    expect(entry?.subject).toBe('nobody@example.test');
    expect(entry?.details).toMatchObject({ platform: 'email', kind: 'invitation_offer' });
    expect(await w.metrics.registry.metrics()).toContain(
      'rollcall_notification_deliveries_total{platform="email",outcome="undeliverable",reason="recipient"} 1',
    );
  });

  it('a server that takes the connection and never greets costs its deadline, and the channel posts still go out', async () => {
    const hung = await startHungSmtp();
    closers.push(hung.close);
    const w = await world(hung.url, { timeoutMs: 300 });
    await inviteOne(w.core, w.owner, 'a@example.test');
    await inviteOne(w.core, w.owner, 'b@example.test');
    const started = Date.now();
    expect(await w.dispatch()).toEqual({ delivered: 2, retried: 2, undeliverable: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(hung.connections()).toBeGreaterThanOrEqual(1);
    expect(w.terminal.delivered.map((n) => n.event.kind)).toEqual(['invitations_sent', 'invitations_sent']);
    const email = await w.store.db
      .selectFrom('outbox')
      .select(['state', 'last_error'])
      .where('platform', '=', 'email')
      .execute();
    expect(email.map((r) => r.state)).toEqual(['pending', 'pending']);
    expect(email[0]?.last_error).toMatch(/SMTP ETIMEDOUT|Greeting/i);
  });
});
