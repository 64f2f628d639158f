import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutboxNotifier } from '../../adapters/slack/index.ts';
import type { OutboundNotification } from '../../src/core/index.ts';
import { createLogger } from '../../src/log.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import { manualClock } from '../support/stores.ts';
import { SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';

describe('Slack notification delivery through the outbox', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'channel <#C0ROLL|rollcall>');
  });
  afterEach(() => slack.close());

  it('survives a 500 and a 429 with Retry-After, then delivers exactly once', async () => {
    slack.fake.script(
      'chat.postMessage',
      { status: 500, body: { ok: false } },
      { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } },
    );
    await slack.say(OWNER, 'invite bob@elsewhere.com');
    const channelPosts = () => slack.fake.callsTo('chat.postMessage').filter((body) => body.channel === 'C0ROLL');

    expect((await slack.deliver()).delivered).toBe(0);
    expect(channelPosts()).toHaveLength(1);

    await slack.deliver();
    expect(channelPosts()).toHaveLength(1);

    slack.clock.advance(5_000);
    expect((await slack.deliver()).delivered).toBe(0);
    expect(channelPosts()).toHaveLength(2);

    // Retry-After said 7 seconds: six is too early, seven is on time.
    slack.clock.advance(6_000);
    await slack.deliver();
    expect(channelPosts()).toHaveLength(2);
    slack.clock.advance(1_000);
    expect((await slack.deliver()).delivered).toBe(1);
    expect(channelPosts()).toHaveLength(3);

    slack.clock.advance(3_600_000);
    await slack.deliver();
    expect(channelPosts()).toHaveLength(3);
    expect(channelPosts()[2]?.text).toContain('invited *bob@elsewhere.com*');
  });
});

describe('the Slack notifier', () => {
  let fake: FakeSlack;
  const clock = manualClock();
  const notifierFor = (apiUrl: string) =>
    createSlackOutboxNotifier(
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl },
      { log: createLogger('silent'), clock },
    );
  const removal = (destination: OutboundNotification['destination']): OutboundNotification => ({
    id: 'n1',
    orgId: 'o1',
    platform: 'slack',
    workspaceId: 'T0001',
    destination,
    event: { kind: 'member_removed', orgName: 'Acme', email: 'alice@x.com', by: 'owner@x.com' },
    attempt: 1,
  });

  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(() => fake.close());

  it('finds a person by email and writes to them directly', async () => {
    fake.addUser({ id: 'UALICE', email: 'alice@x.com' });
    const outcome = await notifierFor(fake.apiUrl).deliver(removal({ kind: 'email', email: 'alice@x.com' }));
    expect(outcome).toEqual({ status: 'delivered' });
    expect(fake.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({ channel: 'UALICE', text: 'owner@x.com removed you from *Acme*.' }),
    ]);
  });

  it('gives up on someone without a Slack account or who cannot take DMs, never on what an admin can fix', async () => {
    const notifier = notifierFor(fake.apiUrl);
    expect((await notifier.deliver(removal({ kind: 'email', email: 'nobody@x.com' }))).status).toBe('undeliverable');
    for (const error of ['user_not_found', 'cannot_dm_bot', 'user_disabled']) {
      fake.script('chat.postMessage', { status: 200, body: { ok: false, error } });
      expect(await notifier.deliver(removal({ kind: 'user', userId: 'UGONE' }))).toEqual({
        status: 'undeliverable',
        reason: error,
      });
    }
    for (const error of ['channel_not_found', 'invalid_auth', 'token_revoked', 'not_in_channel', 'missing_scope']) {
      fake.script('chat.postMessage', { status: 200, body: { ok: false, error } });
      expect(await notifier.deliver(removal({ kind: 'channel', channelId: 'CGONE' }))).toEqual({
        status: 'retry',
        reason: error,
        operatorFixable: true,
      });
    }
  });

  it('hands a rate limit back with its Retry-After, and a network failure back for retry', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '3' } });
    expect(await notifierFor(fake.apiUrl).deliver(removal({ kind: 'channel', channelId: 'C1' }))).toMatchObject({
      status: 'retry',
      retryAfterMs: 3_000,
    });
    const closed = await FakeSlack.start();
    const unreachable = closed.apiUrl;
    await closed.close();
    expect((await notifierFor(unreachable).deliver(removal({ kind: 'channel', channelId: 'C1' }))).status).toBe(
      'retry',
    );
  });
});
