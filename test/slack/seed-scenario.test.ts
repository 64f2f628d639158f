import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const ALICE = 'UALICE';

describe('the seed scenario through Slack over HTTP', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: ALICE, email: 'alice@x.com' });
  });
  afterEach(() => slack.close());

  it('sets up, invites Alice by DM, lets her accept, then removes her with a confirmed click', async () => {
    expect(await slack.say(OWNER, 'setup Acme')).toContain('Created *Acme*');
    expect(await slack.say(OWNER, 'channel <#C0ROLL|rollcall>')).toContain('<#C0ROLL>');

    const invited = await slack.say(OWNER, 'invite <mailto:alice@x.com|alice@x.com>');
    expect(invited).toContain('alice@x.com');
    expect(invited).toContain('sent them a DM');
    expect(slack.fake.callsTo('users.lookupByEmail')).toContainEqual(expect.objectContaining({ email: 'alice@x.com' }));

    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === ALICE);
    expect(offer).toBeDefined();
    const [accept, decline] = buttonIds(offer ?? {});
    expect(accept).toMatch(/^rollcall:accept:/);
    expect(decline).toMatch(/^rollcall:decline:/);
    expect(slack.fake.callsTo('chat.postMessage')).toContainEqual(
      expect.objectContaining({ channel: 'C0ROLL', text: expect.stringContaining('invited *alice@x.com*') }),
    );

    const accepted = await (await slack.click(ALICE, accept ?? '')).reply();
    expect(accepted).toMatchObject({ replace_original: true, text: expect.stringContaining('Welcome to *Acme*') });

    const list = await (await slack.slash(OWNER, 'list')).reply();
    expect(JSON.stringify(list.blocks)).toMatch(/alice@x\.com\*\\nOrganization Member · Verified/);

    const ask = await (await slack.slash(OWNER, 'remove alice@x.com')).reply();
    expect(ask.text).toContain('Remove *alice@x.com*');
    const [confirm, cancel] = buttonIds(ask);
    expect(cancel).toMatch(/^rollcall:cancel:/);
    const confirmButton = JSON.stringify(ask.blocks);
    expect(confirmButton).toContain('"style":"danger"');
    expect(confirmButton).toContain('"confirm":{');

    const done = await (await slack.click(OWNER, confirm ?? '')).reply();
    expect(done).toMatchObject({ replace_original: true, text: expect.stringContaining('alice@x.com* was removed') });

    const before = slack.fake.callsTo('chat.postMessage').length;
    await slack.deliver();
    const posts = slack.fake.callsTo('chat.postMessage').slice(before);
    expect(posts).toContainEqual(
      expect.objectContaining({ channel: ALICE, text: expect.stringContaining('removed you') }),
    );
    expect(posts).toContainEqual(
      expect.objectContaining({ channel: 'C0ROLL', text: expect.stringContaining('removed *alice@x.com*') }),
    );

    const activity = await slack.say(OWNER, 'activity');
    expect(activity.split('\n')[0]).toContain('owner@x.com removed *alice@x.com*');
  });

  it('shows a code to forward when the invitee has no Slack account', async () => {
    await slack.say(OWNER, 'setup Acme');
    const reply = await slack.say(OWNER, 'invite bob@elsewhere.com, carol@elsewhere.com as billing-admin');
    expect(reply).toMatch(
      /bob@elsewhere\.com\* \(Organization Billing Admin\): not in this workspace\. Forward them this code/,
    );
    expect(reply).toContain('carol@elsewhere.com');
    expect(reply).toContain('/members accept ');
  });

  it('answers unknown words with the help text', async () => {
    const reply = await slack.say(OWNER, 'frobnicate everything');
    expect(reply).toContain("I don't know `frobnicate`");
    // Slack mrkdwn shows &lt; as <: the usage reads `/members invite <email>`.
    expect(reply).toContain('/members invite &lt;email&gt;');
  });
});
