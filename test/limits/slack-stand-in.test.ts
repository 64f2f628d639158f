import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.ts';

/** The refusals are the point here: keep the WebClient from logging each one. */
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};

/** The refusals as the real WebClient sees them: it throws a platform error carrying Slack's answer. */
function client(fake: FakeSlack): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quiet,
  });
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function refusal(call: Promise<unknown>): Promise<{ code?: string; data?: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    return error as { code?: string; data?: Record<string, unknown> };
  }
  throw new Error('Slack accepted what it refuses');
}

describe('the Slack stand-in refuses what Slack refuses', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('refuses a call with no token (not_authed) or with something that is not a Slack token (invalid_auth)', async () => {
    const post = (token: string | undefined) =>
      new webApi.WebClient(token, {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
        logger: quiet,
      }).chat.postMessage({
        channel: 'C1',
        text: 'hello',
      });
    expect((await refusal(post(undefined))).data?.error).toBe('not_authed');
    expect((await refusal(post('hunter2'))).data?.error).toBe('invalid_auth');
    expect((await post('xoxb-test')).ok).toBe(true);
  });

  it('refuses chat.update on a message another token posted (cant_update_message) or never posted (message_not_found)', async () => {
    const as = (token: string) => new webApi.WebClient(token, { slackApiUrl: fake.apiUrl, logger: quiet });
    const posted = await as('xoxb-one').chat.postMessage({ channel: 'C1', text: 'first' });
    const edit = (token: string, ts: string) => as(token).chat.update({ channel: 'C1', ts, text: 'edited' });
    expect((await refusal(edit('xoxb-other', String(posted.ts)))).data?.error).toBe('cant_update_message');
    expect((await refusal(edit('xoxb-one', '1.000001'))).data?.error).toBe('message_not_found');
    expect((await edit('xoxb-one', String(posted.ts))).ok).toBe(true);
    expect(fake.messageText('C1', String(posted.ts))).toBe('edited');
  });

  it('refuses a section over 3,000 characters with invalid_blocks, naming the block', async () => {
    const error = await refusal(
      client(fake).chat.postMessage({ channel: 'C1', text: 'hi', blocks: [section('x'.repeat(3_001))] }),
    );
    expect(error.data?.error).toBe('invalid_blocks');
    expect(error.data?.response_metadata).toEqual({
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    });
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('accepts a section of exactly 3,000 characters', async () => {
    const result = await client(fake).chat.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: [section('x'.repeat(3_000))],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses 51 blocks in a message but takes 100 in a modal', async () => {
    const blocks = Array.from({ length: 51 }, () => section('row'));
    const error = await refusal(client(fake).chat.postMessage({ channel: 'C1', text: 'hi', blocks }));
    expect(error.data?.error).toBe('invalid_blocks');
    expect(error.data?.errors).toEqual(['[ERROR] no more than 50 items allowed [json-pointer:/blocks]']);
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Members' }, blocks: [] };
    const modal = Array.from({ length: 100 }, () => section('row'));
    expect((await client(fake).views.open({ trigger_id: 't', view: { ...view, blocks: modal } })).ok).toBe(true);
    const tooMany = [...modal, section('one more')];
    const viewError = await refusal(client(fake).views.open({ trigger_id: 't', view: { ...view, blocks: tooMany } }));
    expect(viewError.data?.error).toBe('invalid_arguments');
    expect(fake.limits.takeRefusals()).toHaveLength(2);
  });

  it('refuses a top-level text over 4,000 characters with msg_too_long', async () => {
    const error = await refusal(client(fake).chat.postMessage({ channel: 'C1', text: 'x'.repeat(4_001) }));
    expect(error.data?.error).toBe('msg_too_long');
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('refuses a confirm dialog whose text is over 300 characters', async () => {
    const button = {
      type: 'button',
      action_id: 'rollcall:confirm:1',
      text: { type: 'plain_text', text: 'Remove' },
      confirm: {
        title: { type: 'plain_text', text: 'Are you sure?' },
        text: { type: 'mrkdwn', text: 'y'.repeat(301) },
        confirm: { type: 'plain_text', text: 'Remove' },
        deny: { type: 'plain_text', text: 'Cancel' },
      },
    };
    const blocks = [{ type: 'actions', elements: [button] }];
    const error = await refusal(client(fake).chat.postMessage({ channel: 'C1', text: 'hi', blocks }));
    expect(error.data?.errors).toEqual([
      '[ERROR] must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]',
    ]);
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('takes five posts to a response_url and refuses the sixth with 404 used_url', async () => {
    const url = fake.responseUrl();
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    const statuses: number[] = [];
    for (let use = 1; use <= 6; use += 1) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    const sixth = await post();
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(fake.limits.takeRefusals().map((r) => r.error)).toEqual(['used_url', 'used_url']);
  });

  it('refuses a response_url after 30 minutes with expired_url', async () => {
    let now = 1_000_000;
    fake.limits.now = () => now;
    const url = fake.responseUrl();
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await post()).status).toBe(200);
    now += 30 * 60_000 + 1;
    expect((await post()).status).toBe(404);
    expect(fake.limits.takeRefusals().map((r) => r.error)).toEqual(['expired_url']);
  });

  it('answers users.lookupByEmail past its Tier 3 budget with 429 and Retry-After', async () => {
    let now = 1_000_000;
    fake.limits.now = () => now;
    fake.addUser({ id: 'U1', email: 'a@x.com' });
    const slack = client(fake);
    for (let call = 1; call <= 50; call += 1) {
      expect((await slack.users.lookupByEmail({ email: 'a@x.com' })).ok).toBe(true);
    }
    now += 20_000;
    const error = await refusal(slack.users.lookupByEmail({ email: 'a@x.com' }));
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect((error as { retryAfter?: number }).retryAfter).toBe(40);
    now += 40_000;
    expect((await slack.users.lookupByEmail({ email: 'a@x.com' })).ok).toBe(true);
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('paces channel posts: a burst of 10, then one a second', async () => {
    let now = 1_000_000;
    fake.limits.now = () => now;
    const slack = client(fake);
    for (let post = 1; post <= 10; post += 1) await slack.chat.postMessage({ channel: 'C1', text: `${post}` });
    const eleventh = await refusal(slack.chat.postMessage({ channel: 'C1', text: '11' }));
    expect(eleventh.code).toBe('slack_webapi_rate_limited_error');
    expect((await slack.chat.postMessage({ channel: 'C2', text: 'another channel' })).ok).toBe(true);
    now += 1_000;
    expect((await slack.chat.postMessage({ channel: 'C1', text: '11' })).ok).toBe(true);
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('fails the test at close when a refusal went unnoticed', async () => {
    const other = await FakeSlack.start();
    await refusal(client(other).chat.postMessage({ channel: 'C1', text: 'x'.repeat(4_001) }));
    await expect(other.close()).rejects.toThrow(/Slack would have refused 1 payload/);
  });

  it('lets a test opt out of exactly one check', async () => {
    fake.allowOversized('section');
    const blocks = [section('x'.repeat(3_001))];
    expect((await client(fake).chat.postMessage({ channel: 'C1', text: 'hi', blocks })).ok).toBe(true);
    await refusal(client(fake).chat.postMessage({ channel: 'C1', text: 'x'.repeat(4_001) }));
    expect(fake.limits.takeRefusals().map((r) => r.error)).toEqual(['msg_too_long']);
  });
});
