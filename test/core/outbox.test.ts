import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMembershipCore, HOUR, MINUTE } from '../../src/core/index.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { pruneOutbox } from '../../src/jobs/prune-outbox.ts';
import { migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { testSettings } from '../support/core-build.ts';
import { expectOk, fixtures, makeCore, slackCaller } from '../support/core-harness.ts';
import { down, recordingNotifier, serverError, silentLog } from '../support/core-notifier.ts';
import { availableDialects, manualClock } from '../support/stores.ts';

const dialects = await availableDialects();
const boss = slackCaller('U-boss', 'boss@x.test');

/** A Slack organization with a channel and three invitations, one command each: three channel posts queued. */
async function queueThreePosts(fixture: Awaited<ReturnType<typeof makeCore>>) {
  const { core } = fixture;
  expectOk(await core.setup(boss, { orgName: 'Acme', isPlatformAdmin: true }));
  expectOk(await core.setChannel(boss, { channelId: 'C-team' }));
  // One command's batch is one channel post (SPEC §6), so three commands.
  for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) expectOk(await core.invite(boss, { emails: [email] }));
  const rows = await fixture.store.db.selectFrom('outbox').select('id').execute();
  expect(rows).toHaveLength(3);
  return rows.map((r) => r.id).sort();
}

function stateOf(store: Store) {
  return store.db.selectFrom('outbox').select(['id', 'state', 'attempts']).orderBy('id').execute();
}

describe.each(dialects)('outbox delivery (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('a platform that fails and recovers loses nothing and posts nothing twice', async () => {
    const fixture = await make.bare();
    const { store, clock } = fixture;
    const ids = await queueThreePosts(fixture);
    const slack = recordingNotifier('slack', down);
    const deps = { store, clock, notifiers: [slack.notifier], log: silentLog };
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 3, undeliverable: 0 });
    clock.advance(HOUR);
    slack.behave(serverError);
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 3, undeliverable: 0 });
    clock.advance(HOUR);
    slack.behave(() => ({ status: 'delivered' }));
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 3, retried: 0, undeliverable: 0 });
    clock.advance(24 * HOUR);
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    expect(slack.delivered.map((n) => n.id).sort()).toEqual(ids);
    expect(slack.attempts).toHaveLength(9);
    expect(slack.delivered.map((n) => n.attempt)).toEqual([3, 3, 3]);
    expect((await stateOf(store)).map((r) => r.state)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('does not retry before the backoff has passed', async () => {
    const fixture = await make.bare();
    const { store, clock } = fixture;
    await queueThreePosts(fixture);
    const slack = recordingNotifier('slack', serverError);
    const deps = { store, clock, notifiers: [slack.notifier], log: silentLog };
    await dispatchNotifications(deps);
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    expect(slack.attempts).toHaveLength(3);
  });

  it('honours the platform’s retry-after', async () => {
    const fixture = await make.bare();
    const { store, clock } = fixture;
    await queueThreePosts(fixture);
    const slack = recordingNotifier('slack', () => ({ status: 'retry', reason: 'HTTP 429', retryAfterMs: 90_000 }));
    const deps = { store, clock, notifiers: [slack.notifier], log: silentLog };
    const start = clock();
    await dispatchNotifications(deps);
    const rows = await store.db.selectFrom('outbox').select('next_attempt_at').execute();
    expect(rows.every((r) => r.next_attempt_at >= start + 90_000)).toBe(true);
    slack.behave(() => ({ status: 'delivered' }));
    clock.set(start + 89_000);
    expect((await dispatchNotifications(deps)).delivered).toBe(0);
    expect(slack.attempts).toHaveLength(3);
    clock.set(start + 90_000);
    expect((await dispatchNotifications(deps)).delivered).toBe(3);
  });

  it('records an undeliverable notification in the activity and never retries it', async () => {
    const fixture = await make.bare();
    const { core, store, clock } = fixture;
    await queueThreePosts(fixture);
    const slack = recordingNotifier('slack', () => ({ status: 'undeliverable', reason: 'channel_not_found' }));
    const deps = { store, clock, notifiers: [slack.notifier], log: silentLog };
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 0, undeliverable: 3 });
    const entries = expectOk(await core.activity(boss, {})).entries.filter(
      (e) => e.action === 'notification_undeliverable',
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actor: 'system' });
    slack.behave(() => ({ status: 'delivered' }));
    clock.advance(7 * 24 * HOUR);
    expect(await dispatchNotifications(deps)).toEqual({ delivered: 0, retried: 0, undeliverable: 0 });
    expect(slack.attempts).toHaveLength(3);
    expect((await stateOf(store)).map((r) => r.state)).toEqual(['undeliverable', 'undeliverable', 'undeliverable']);
  });

  it('a write that queued notifications calls the post-commit hook; a refusal does not', async () => {
    let commits = 0;
    const fixture = await make.bare();
    const core = createMembershipCore({
      store: fixture.store,
      clock: fixture.clock,
      settings: testSettings(),
      afterCommit: () => {
        commits += 1;
      },
    });
    expectOk(await core.setup(boss, { orgName: 'Acme', isPlatformAdmin: true }));
    expectOk(await core.setChannel(boss, { channelId: 'C-team' }));
    const before = commits;
    expectOk(await core.invite(boss, { emails: ['a@x.test'] }));
    expect(commits).toBe(before + 1);
    expect((await core.invite(boss, { emails: ['not an email'] })).ok).toBe(false);
    expect(commits).toBe(before + 1);
  });

  it('prunes delivered rows after the retention, and keeps pending ones', async () => {
    const fixture = await make.bare();
    const { store, clock } = fixture;
    await queueThreePosts(fixture);
    const slack = recordingNotifier('slack');
    await dispatchNotifications({ store, clock, notifiers: [slack.notifier], log: silentLog });
    expectOk(await fixture.core.invite(boss, { emails: ['d@x.test'] }));
    expect(await pruneOutbox(store, clock() + 6 * 24 * HOUR, 7 * 24 * HOUR)).toBe(0);
    expect(await pruneOutbox(store, clock() + 8 * 24 * HOUR, 7 * 24 * HOUR)).toBe(3);
    expect((await stateOf(store)).map((r) => r.state)).toEqual(['pending']);
  });

  it('delivers each notification once when two dispatchers run at the same time', async () => {
    const fixture = await make.bare({ poolSize: 10 });
    const { store, clock } = fixture;
    const ids = await queueThreePosts(fixture);
    const slack = recordingNotifier('slack');
    const deps = { store, clock, notifiers: [slack.notifier], log: silentLog };
    await Promise.all([dispatchNotifications(deps), dispatchNotifications(deps), dispatchNotifications(deps)]);
    expect(slack.delivered.map((n) => n.id).sort()).toEqual(ids);
  });
});

describe('outbox delivery across a restart (sqlite file)', () => {
  const path = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-outbox-')), 'rollcall.db')}`;

  async function reopen(url: string): Promise<Store> {
    const store = await openStore(url);
    await migrateToLatest(store);
    return store;
  }

  it('a retry scheduled before a restart is delivered by the next process', async () => {
    const url = path();
    const clock = manualClock();
    const first = await reopen(url);
    const ids = await queueThreePosts(await makeCore('sqlite', { store: first, clock }));
    const failing = recordingNotifier('slack', serverError);
    await dispatchNotifications({ store: first, clock, notifiers: [failing.notifier], log: silentLog });
    await first.close();

    const second = await reopen(url);
    clock.advance(HOUR);
    const slack = recordingNotifier('slack');
    await dispatchNotifications({ store: second, clock, notifiers: [slack.notifier], log: silentLog });
    clock.advance(HOUR);
    await dispatchNotifications({ store: second, clock, notifiers: [slack.notifier], log: silentLog });
    expect(slack.delivered.map((n) => n.id).sort()).toEqual(ids);
    await second.close();
  });

  it('rows claimed by a process that died come back after the lease, not before', async () => {
    const url = path();
    const clock = manualClock();
    const first = await reopen(url);
    const ids = await queueThreePosts(await makeCore('sqlite', { store: first, clock }));
    // The process dies mid-delivery: its notifier never answers and its store is closed.
    const hung = recordingNotifier('slack', () => new Promise(() => {}));
    // It fails once its store is closed under it; that process is gone, so nobody hears.
    void dispatchNotifications({ store: first, clock, notifiers: [hung.notifier], log: silentLog }).catch(() => {});
    await expect.poll(() => hung.attempts.length).toBe(1);
    await first.close();

    const second = await reopen(url);
    const slack = recordingNotifier('slack');
    const deps = { store: second, clock, notifiers: [slack.notifier], log: silentLog };
    expect((await dispatchNotifications(deps)).delivered).toBe(0);
    // Within seconds, not minutes: the lease is short.
    clock.advance(5_000);
    expect((await dispatchNotifications(deps)).delivered).toBe(3);
    clock.advance(10 * MINUTE);
    expect((await dispatchNotifications(deps)).delivered).toBe(0);
    expect(slack.delivered.map((n) => n.id).sort()).toEqual(ids);
    await second.close();
  });
});
