import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint } from '../support/fake-slack-signer.ts';
import { buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';
const BILLING = 'UBILLING';

/** An organization with an owner, a member and a billing admin, all joined through Slack. */
async function acme(slack: SlackHarness): Promise<void> {
  await slack.say(OWNER, 'setup Acme');
  await slack.say(OWNER, 'invite member@x.com');
  await slack.say(OWNER, 'invite billing@x.com as billing-admin');
  await slack.deliver();
  for (const user of [MEMBER, BILLING]) {
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === user);
    const [accept] = buttonIds(offer ?? {});
    await (await slack.click(user, accept ?? '')).reply();
  }
}

describe('Slack refusals over HTTP', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    slack.fake.addUser({ id: BILLING, email: 'billing@x.com' });
    await acme(slack);
  });
  afterEach(() => slack.close());

  it('a member cannot remove someone', async () => {
    const reply = await slack.say(MEMBER, 'remove billing@x.com');
    expect(reply).toBe('Only an owner of the organization can do that.');
    expect(await slack.show(OWNER, 'list members')).toContain('billing@x.com');
  });

  it('a billing admin cannot invite an owner', async () => {
    const reply = await slack.say(BILLING, 'invite boss@x.com as owner');
    expect(reply).toContain('You cannot grant *Organization Owner*');
    expect(await slack.show(OWNER, 'list pending')).not.toContain('boss@x.com');
  });

  it('the only owner cannot leave', async () => {
    const reply = await slack.say(OWNER, 'leave');
    expect(reply).toContain('only owner');
  });

  it('a member cannot be removed by mention resolved to someone else', async () => {
    const reply = await slack.say(MEMBER, 'remove <@UOWNER|owner>');
    expect(reply).toBe('Only an owner of the organization can do that.');
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const url = slack.fake.responseUrl();
    const result = await postToSlackEndpoint(slack.eventsUrl, slashCommandForm(OWNER, 'invite eve@x.com', url), {
      secret: 'not-the-secret',
    });
    expect(result.status).toBe(401);
    expect(slack.fake.callsTo('users.lookupByEmail')).not.toContainEqual({ email: 'eve@x.com' });
    expect(await slack.show(OWNER, 'list pending')).not.toContain('eve@x.com');
  });

  it('rejects a request signed more than five minutes ago with 401', async () => {
    const url = slack.fake.responseUrl();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const result = await postToSlackEndpoint(slack.eventsUrl, slashCommandForm(OWNER, 'invite eve@x.com', url), {
      timestampSec: sixMinutesAgo,
    });
    expect(result.status).toBe(401);
    expect(slack.fake.callsTo('users.lookupByEmail')).not.toContainEqual({ email: 'eve@x.com' });
    expect(await slack.show(OWNER, 'list pending')).not.toContain('eve@x.com');
  });

  it("someone else clicking the requester's confirm button changes nothing and is told why", async () => {
    const ask = await (await slack.slash(OWNER, 'remove member@x.com')).reply();
    const [confirm] = buttonIds(ask);
    const foreign = await (await slack.click(BILLING, confirm ?? '')).reply();
    expect(foreign).toMatchObject({
      replace_original: false,
      text: expect.stringContaining('Only the person who asked'),
    });
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
  });

  it('a second click on confirm changes nothing and says so', async () => {
    const ask = await (await slack.slash(OWNER, 'role member@x.com billing-admin')).reply();
    const [confirm] = buttonIds(ask);
    const first = await (await slack.click(OWNER, confirm ?? '')).reply();
    expect(first.text).toContain('is now Organization Billing Admin');
    const second = await (await slack.click(OWNER, confirm ?? '')).reply();
    expect(second).toMatchObject({ replace_original: false, text: 'This was already confirmed. Nothing changed.' });
    const activity = await slack.say(OWNER, 'activity');
    expect(activity.match(/changed the role of/g)).toHaveLength(1);
  });

  it('a click after fifteen minutes changes nothing and says why', async () => {
    const ask = await (await slack.slash(OWNER, 'remove member@x.com')).reply();
    const [confirm] = buttonIds(ask);
    slack.clock.advance(16 * 60_000);
    const late = await (await slack.click(OWNER, confirm ?? '')).reply();
    expect(late).toMatchObject({ replace_original: false, text: expect.stringContaining('older than 15 minutes') });
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
  });

  it('an invitation button clicked after 48 hours says it expired and adds nobody', async () => {
    slack.fake.addUser({ id: 'ULATE', email: 'late@x.com' });
    await slack.say(OWNER, 'invite late@x.com');
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === 'ULATE');
    slack.clock.advance(48 * 3_600_000 + 1);
    const reply = await (await slack.click('ULATE', buttonIds(offer ?? {})[0] ?? '')).reply();
    expect(reply.text).toBe('That invitation has expired. Ask whoever invited you to resend it.');
    expect(await slack.show(OWNER, 'list members')).not.toContain('late@x.com');
  });

  it('cancel replaces the confirmation and changes nothing', async () => {
    const ask = await (await slack.slash(OWNER, 'remove member@x.com')).reply();
    const [, cancel] = buttonIds(ask);
    const cancelled = await (await slack.click(OWNER, cancel ?? '')).reply();
    expect(cancelled).toMatchObject({ replace_original: true, text: 'Cancelled. Nothing changed.' });
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
  });

  it('a Slack retry of a command is acknowledged without running it again', async () => {
    const url = slack.fake.responseUrl();
    const form = slashCommandForm(OWNER, 'invite dave@x.com', url);
    const first = await postToSlackEndpoint(slack.eventsUrl, form);
    await slack.fake.waitForResponse(url);
    const retry = await postToSlackEndpoint(slack.eventsUrl, form, { headers: { 'x-slack-retry-num': '1' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const list = await slack.say(OWNER, 'activity');
    expect(list.match(/invited \*dave@x\.com\*/g)).toHaveLength(1);
    expect(
      slack.fake.calls.filter((call) => call.method === `response:${new URL(url).pathname.split('/').at(-1)}`),
    ).toHaveLength(1);
  });
});

describe('Slack rate limits on an interactive command', () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    await slack.say(OWNER, 'setup Acme');
  });
  afterEach(() => slack.close());

  it('an invite whose users.lookupByEmail is rate-limited answers at once with a code to forward', async () => {
    // Slack says to come back in a minute: waiting would outlast the command's 3 seconds.
    const limited = { status: 429, headers: { 'retry-after': '60' }, body: { ok: false, error: 'ratelimited' } };
    slack.fake.script('users.lookupByEmail', limited, limited);
    const started = performance.now();
    const reply = await slack.say(OWNER, 'invite member@x.com');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(reply).toContain('not in this workspace. Forward them this code');
    expect(slack.fake.callsTo('users.lookupByEmail')).toHaveLength(1);
  });
});

describe('Slack rate limits on who is calling', () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
  });
  afterEach(() => slack.close());

  it('a command whose users.info is rate-limited says when to try again, and then works', async () => {
    const limited = { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
    slack.fake.script('users.info', limited);
    expect(await slack.say(OWNER, 'setup Acme')).toBe(
      'Slack is asking Rollcall to slow down: try again in 30 seconds.',
    );
    expect(await slack.say(OWNER, 'setup Acme')).toContain('Created *Acme*');
  });
});
