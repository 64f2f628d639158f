import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { sweep } from '../../src/jobs/schedule.ts';
import { FaultyWorld, owner } from './slack-bot.ts';

describe('Slack misbehaves while notices are queued', () => {
  let world: FaultyWorld | undefined;
  afterEach(() => world?.close());

  it('an endpoint that accepts and never answers stalls neither expiry nor delivery after it recovers', async () => {
    world = await FaultyWorld.start('sqlite', { inviteTtlMs: 60_000 });
    const w = world;
    await w.setUp();
    w.fake.failWith({ kind: 'hang', methods: ['chat.postMessage'] });
    // One command each: a command's batch is one channel post (SPEC §6), and this test follows each notice.
    for (const email of ['a@x.com', 'b@x.com', 'c@x.com']) await w.slash(`invite ${email}`);
    await expect.poll(() => w.fake.callsTo('chat.postMessage').length).toBeGreaterThan(0);

    // Delivery is stuck on a call that never returns; the sweep does not wait for it.
    w.clock.jump(2 * 60_000);
    const started = performance.now();
    expect(await sweep(w.sweepDeps())).toBe(3);
    const sweepMs = performance.now() - started;
    expect(sweepMs).toBeLessThan(1_000);

    w.fake.recover();
    const recovered = performance.now();
    // Each announcement is a live card: its expiry is an edit of it, not a second post (SPEC §11).
    const expiredIn = (email: string) =>
      w.cardEdits().filter((edit) => String(edit.text).includes(`*${email}*: expired`)).length;
    const emails = ['a@x.com', 'b@x.com', 'c@x.com'];
    await expect
      .poll(() => emails.every((e) => w.postsAbout(e) === 1 && expiredIn(e) === 1), { timeout: 15_000 })
      .toBe(true);
    const resumedMs = performance.now() - recovered;
    // Each notice (sent, expired) exactly once: lost 0, duplicated 0.
    for (const email of emails) expect([w.postsAbout(email), expiredIn(email)]).toEqual([1, 1]);
    expect(w.channelPosts()).toHaveLength(3);
    // Each channel still reads in order: an edit names the ts of a message already posted.
    for (const edit of w.cardEdits()) expect(w.fake.messageText(String(edit.channel), String(edit.ts))).toBeDefined();
    expect(await w.deliveries('retry', 'transient')).toBeGreaterThan(0);
    console.info(
      `hang: sweep took ${sweepMs.toFixed(0)} ms; delivered ${resumedMs.toFixed(0)} ms after recovery; lost 0, duplicated 0`,
    );
  }, 30_000);

  it('500, 429 with Retry-After, a refused connection and an invalid_auth window: every notice once, in order', async () => {
    world = await FaultyWorld.start('sqlite');
    const w = world;
    await w.setUp();
    const attempts = async () => (await w.metrics.deliveries.get()).values.reduce((n, v) => n + v.value, 0);
    const windows: Array<[string, () => Promise<void> | void, () => Promise<void> | void]> = [
      ['one@x.com', () => w.fake.failWith({ kind: 'server_error' }), () => w.fake.recover()],
      ['two@x.com', () => w.fake.failWith({ kind: 'rate_limited', retryAfterS: 30 }), () => w.fake.recover()],
      ['three@x.com', () => w.fake.refuseConnections(), () => w.fake.listenAgain()],
      ['four@x.com', () => w.fake.failWith({ kind: 'invalid_auth' }), () => w.fake.recover()],
    ];
    // Each window meets the notices due by then (one channel, oldest first); later ones queue behind.
    for (const [email, open, close] of windows) {
      const before = await attempts();
      await open();
      expect((await w.core.invite(owner, { emails: [email] })).ok).toBe(true);
      w.clock.jump(2 * HOUR);
      w.delivery.kick();
      await expect.poll(attempts, { timeout: 8_000 }).toBeGreaterThan(before);
      await close();
    }
    expect(await w.deliveries('retry', 'transient')).toBeGreaterThanOrEqual(2);
    expect(await w.deliveries('retry', 'rate_limited')).toBeGreaterThanOrEqual(1);
    expect(await w.deliveries('retry', 'operator')).toBeGreaterThanOrEqual(1);
    expect(w.memory.messages()).toContain(
      'notification held until an admin fixes the bot: retried with a long backoff',
    );
    const activity = await w.core.activity(owner, {});
    expect(activity.ok && activity.value.entries.some((e) => e.action === 'notification_delayed')).toBe(true);

    // Past the admin's fix and every backoff, everything goes out once, in the order it happened.
    w.clock.jump(2 * HOUR);
    w.delivery.kick();
    const emails = windows.map(([email]) => email);
    await expect.poll(() => emails.every((e) => w.postsAbout(e) === 1), { timeout: 10_000 }).toBe(true);
    w.clock.jump(24 * HOUR);
    await w.delivery.flush();
    expect(emails.map((e) => w.postsAbout(e))).toEqual([1, 1, 1, 1]);
    const order = w.channelPosts().map((p) => emails.findIndex((e) => String(p.text).includes(`*${e}*`)));
    expect(order).toEqual([0, 1, 2, 3]);
    const dropped = await w.store.db.selectFrom('outbox').where('state', '=', 'undeliverable').selectAll().execute();
    expect(dropped).toEqual([]);
    console.info('500 / 429 / refused / invalid_auth: 4 notices, lost 0, duplicated 0, dropped 0, out of order 0');
  }, 60_000);
});
