import type { RespondArguments } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACK_BUDGET_MS, replyInAck } from '../../adapters/slack/listeners/reply-in-ack.ts';
import { SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';

describe('a command answered in its acknowledgement', () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
  });
  afterEach(() => slack.close());

  it('carries the list and an invite’s code in the HTTP answer itself, ephemeral', async () => {
    await slack.say(OWNER, 'setup Acme');
    const list = await slack.slash(OWNER, 'list members');
    expect(JSON.parse(list.http.text)).toMatchObject({
      response_type: 'ephemeral',
      text: 'Acme: 1 member · 1 of 100 seats used',
    });
    const invite = await slack.slash(OWNER, 'invite new@x.com');
    const body = JSON.parse(invite.http.text) as { text: string };
    expect(body.text).toMatch(/Invited 1[\s\S]*`[A-Za-z0-9-]+`/);
    // The fake shows it where a response_url reply would be: what the harness reads is the same message.
    expect((await invite.reply()).text).toBe(body.text);
  });
});

describe('replyInAck', () => {
  const acks: Array<RespondArguments | string | undefined> = [];
  const responds: Array<RespondArguments | string> = [];
  const ack = async (message?: RespondArguments | string) => {
    acks.push(message);
  };
  const respond = async (message: RespondArguments | string) => {
    responds.push(message);
    return new Response('ok');
  };
  const message = (text: string): RespondArguments => ({ response_type: 'ephemeral', text });

  beforeEach(() => {
    acks.length = 0;
    responds.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('puts the first message in the acknowledgement and the rest through response_url', async () => {
    const reply = replyInAck(ack, respond);
    await reply.send(message('first'));
    await reply.send(message('second'));
    await reply.ackEmpty();
    await vi.advanceTimersByTimeAsync(ACK_BUDGET_MS * 2);
    expect(acks).toEqual([message('first')]);
    expect(responds).toEqual([message('second')]);
  });

  it('acknowledges empty when the budget runs out, and the late reply goes through response_url', async () => {
    const reply = replyInAck(ack, respond);
    await vi.advanceTimersByTimeAsync(ACK_BUDGET_MS - 1);
    expect(acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(acks).toEqual([undefined]);
    await reply.send(message('late'));
    await reply.ackEmpty();
    expect(acks).toEqual([undefined]);
    expect(responds).toEqual([message('late')]);
  });

  it('acknowledges exactly once when a command ends without a message', async () => {
    const reply = replyInAck(ack, respond);
    await reply.ackEmpty();
    await reply.ackEmpty();
    await vi.advanceTimersByTimeAsync(ACK_BUDGET_MS * 2);
    expect(acks).toEqual([undefined]);
    expect(responds).toEqual([]);
  });
});
