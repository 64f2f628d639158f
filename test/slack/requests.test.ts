import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';
const CHANNEL = 'C0ROLL';

/** The channel's Approve and Deny card, once the outbox delivered it. */
async function requestCard(slack: SlackHarness) {
  await slack.deliver();
  const card = slack.fake
    .callsTo('chat.postMessage')
    .find((body) => body.channel === CHANNEL && String(body.text).includes('asks the owners'));
  if (card === undefined) throw new Error('no request card in the channel');
  const [approve, deny] = buttonIds(card);
  return { card, approve: approve ?? '', deny: deny ?? '' };
}

describe('Slack requests instead of refusals over HTTP', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, `channel <#${CHANNEL}|rollcall>`);
    await slack.say(OWNER, 'invite member@x.com');
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === MEMBER);
    await (await slack.click(MEMBER, buttonIds(offer ?? {})[0] ?? '')).reply();
  });
  afterEach(() => slack.close());

  it('a member inviting an owner asks an owner; the owner approves; the card is replaced; codes only to them', async () => {
    const refusal = await (await slack.slash(MEMBER, 'invite cto@x.com as owner')).reply();
    expect(String(refusal.text)).toContain('You cannot grant *Organization Owner*');
    const [ask] = buttonIds(refusal);
    expect(ask).toMatch(/^rollcall:ask:[A-Za-z0-9_-]{22}$/);
    expect(await slack.show(OWNER, 'list pending')).not.toContain('cto@x.com');

    const asked = await (await slack.click(MEMBER, ask ?? '')).reply();
    expect(asked).toMatchObject({ replace_original: true });
    expect(String(asked.text)).toContain('Asked the owners of *Acme*');

    const { card, approve } = await requestCard(slack);
    expect(String(card.text)).toContain('member@x.com asks the owners of Acme for an invitation as Organization Owner');
    expect(approve).toMatch(/^rollcall:approve:/);

    const before = slack.fake.calls.length;
    const approved = await (await slack.click(OWNER, approve)).reply();
    expect(approved).toMatchObject({ replace_original: true });
    expect(String(approved.text)).toContain('owner@x.com approved the request of member@x.com');
    const responses = () => slack.fake.calls.slice(before).filter((c) => c.method.startsWith('response:'));
    await slack.fake.waitFor(() => responses().length >= 2);
    const [, privately] = responses();
    expect(privately?.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(JSON.stringify(privately?.body)).toMatch(/\/members accept [A-Z2-9]{32}/);
    expect(String(approved.text)).not.toMatch(/[A-Z2-9]{32}/);
    expect(await slack.show(OWNER, 'list pending')).toContain('cto@x.com');
  });

  it('a member clicking Approve is told only owners may, and nothing changes', async () => {
    expect(await slack.say(MEMBER, 'request billing-admin')).toContain('Asked the owners of *Acme*');
    const { approve, deny } = await requestCard(slack);
    for (const button of [approve, deny]) {
      const refused = await (await slack.click(MEMBER, button)).reply();
      expect(refused).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
      expect(String(refused.text)).toBe('Only an owner of the organization can do that.');
    }
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
    expect(await slack.show(OWNER, 'list members')).not.toContain('Billing Admin');
    const denied = await (await slack.click(OWNER, deny)).reply();
    expect(String(denied.text)).toContain('owner@x.com denied the request of member@x.com for the role');
    const again = await (await slack.click(OWNER, approve)).reply();
    expect(again).toMatchObject({ replace_original: false });
    expect(String(again.text)).toContain('already denied');
  });

  it('owners keep the domain list with /members domains', async () => {
    expect(await slack.say(OWNER, 'domains add x.com')).toContain('Added `x.com`');
    expect(await slack.say(OWNER, 'domains')).toContain('Domain list: `x.com`');
    expect(await slack.say(OWNER, 'domains add not a domain')).toContain('Usage');
    expect(await slack.say(MEMBER, 'domains')).toBe('Only an owner of the organization can do that.');
    const reply = await slack.show(MEMBER, 'invite friend@x.com out@gmail.test');
    expect(reply).toContain('friend@x.com');
    expect(reply).toContain('asked the owners instead');
  });
});

describe('Slack requests in an organization without a channel', () => {
  let slack: SlackHarness;
  const SECOND_OWNER = 'UOWNER2';

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
    slack.fake.addUser({ id: SECOND_OWNER, email: 'owner2@x.com' });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'invite member@x.com');
    await slack.say(OWNER, 'invite owner2@x.com as owner');
    await slack.deliver();
    for (const user of [MEMBER, SECOND_OWNER]) {
      const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === user);
      await (await slack.click(user, buttonIds(offer ?? {})[0] ?? '')).reply();
    }
  });
  afterEach(() => slack.close());

  it('asks each owner by DM with Approve and Deny, and one owner’s approval settles it', async () => {
    expect(await slack.say(MEMBER, 'request billing-admin')).toContain('Asked the owners of *Acme*');
    await slack.deliver();
    const asked = slack.fake
      .callsTo('chat.postMessage')
      .filter((body) => String(body.text).includes('asks the owners of Acme'));
    expect(asked.map((body) => body.channel).sort()).toEqual([OWNER, SECOND_OWNER]);
    const [approve] = buttonIds(asked.find((body) => body.channel === SECOND_OWNER) ?? {});
    expect(approve).toMatch(/^rollcall:approve:/);

    const approved = await (await slack.click(SECOND_OWNER, approve ?? '')).reply();
    expect(String(approved.text)).toContain('owner2@x.com approved the request of member@x.com');
    expect(await slack.show(OWNER, 'list members')).toMatch(/member@x\.com\*\nOrganization Billing Admin/);
    const [, deny] = buttonIds(asked.find((body) => body.channel === OWNER) ?? {});
    const late = await (await slack.click(OWNER, deny ?? '')).reply();
    expect(String(late.text)).toContain('already approved');
  });
});
