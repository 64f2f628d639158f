import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/slack/render/card.ts';
import type { CardLine } from '../../src/core/index.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { INVITE_TTL_MS } from '../support/core-build.ts';
import { buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';
const CHANNEL = 'C0ROLL';

describe('Slack live cards: the channel announcement is edited in place (SPEC §11)', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, `channel <#${CHANNEL}|rollcall>`);
  });
  afterEach(() => slack.close());

  const channelPosts = () => slack.fake.callsTo('chat.postMessage').filter((body) => body.channel === CHANNEL);
  const edits = () => slack.fake.callsTo('chat.update');
  const cardRefs = async () =>
    (await slack.store.db.selectFrom('cards').select(['message_ref', 'state']).execute()).map((c) => [
      c.message_ref,
      c.state,
    ]);

  async function acceptAsMember(): Promise<void> {
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === MEMBER);
    await (await slack.click(MEMBER, buttonIds(offer ?? {})[0] ?? '')).reply();
  }

  async function expireTheRest(): Promise<void> {
    slack.clock.advance(INVITE_TTL_MS + 1);
    expect(await expireInvitations(slack.store, slack.clock())).toBeGreaterThan(0);
  }

  it('invite two, one accepts and one expires: one channel message, edited twice, its final text true', async () => {
    await slack.say(OWNER, 'invite member@x.com bob@elsewhere.com');
    await slack.deliver();
    expect(channelPosts()).toHaveLength(1);
    const [ts] = (await cardRefs())[0] ?? [];
    expect(ts).toEqual(expect.any(String));

    await acceptAsMember();
    await slack.deliver();
    expect(edits()).toHaveLength(1);
    expect(edits()[0]).toMatchObject({ channel: CHANNEL, ts });
    expect(String(edits()[0]?.text)).toMatch(
      /member@x\.com\*: accepted ✓\n• \*bob@elsewhere\.com\*: pending, expires in 48 hours/,
    );

    await expireTheRest();
    await slack.deliver();
    expect(edits()).toHaveLength(2);
    expect(edits()[1]).toMatchObject({ channel: CHANNEL, ts });
    expect(channelPosts()).toHaveLength(1);
    const final = slack.fake.messageText(CHANNEL, String(ts));
    expect(final).toContain('2 invited: 1 accepted, 1 expired');
    expect(final).toContain('• *member@x.com*: accepted ✓');
    expect(final).toContain('• *bob@elsewhere.com*: expired');
    // The state changes are still in the activity.
    const activity = await slack.show(OWNER, 'activity');
    expect(activity).toMatch(/member@x\.com/);
    expect(activity).toMatch(/bob@elsewhere\.com/);
  });

  it('a card Slack will not let the bot edit (cant_update_message) is given up like a deleted one', async () => {
    await slack.say(OWNER, 'invite member@x.com bob@elsewhere.com');
    await slack.deliver();
    const [ts] = (await cardRefs())[0] ?? [];
    slack.fake.script('chat.update', { status: 200, body: { ok: false, error: 'cant_update_message' } });

    await acceptAsMember();
    expect(await slack.deliver()).toMatchObject({ undeliverable: 1 });
    expect(await cardRefs()).toEqual([[ts, 'retired']]);
    await expireTheRest();
    await slack.deliver();
    expect(edits()).toHaveLength(1); // the refused one; none after
    expect(channelPosts().map((post) => post.text)).toEqual([
      expect.stringContaining('invited 2 people'),
      'The invitation of *bob@elsewhere.com* to Acme expired.',
    ]);
  });

  it('a card whose message was deleted is given up, recorded once; later changes are posted as lines', async () => {
    await slack.say(OWNER, 'invite member@x.com bob@elsewhere.com');
    await slack.deliver();
    const [ts] = (await cardRefs())[0] ?? [];
    slack.fake.deleteMessage(CHANNEL, String(ts));

    await acceptAsMember();
    expect(await slack.deliver()).toMatchObject({ undeliverable: 1 });
    expect(await cardRefs()).toEqual([[ts, 'retired']]);
    const undeliverable = await slack.store.db
      .selectFrom('activity')
      .select('details')
      .where('action', '=', 'notification_undeliverable')
      .execute();
    expect(undeliverable.map((row) => JSON.parse(row.details))).toEqual([
      { platform: 'slack', kind: 'card_update', reason: 'message_not_found' },
    ]);

    await expireTheRest();
    await slack.deliver();
    // The retired card is not edited again nor reposted; a later change is told the way it was
    // before live cards, one line in the channel.
    expect(edits()).toHaveLength(1);
    expect(channelPosts().map((post) => post.text)).toEqual([
      expect.stringContaining('invited 2 people'),
      'The invitation of *bob@elsewhere.com* to Acme expired.',
    ]);
    const recorded = await slack.store.db
      .selectFrom('activity')
      .select('action')
      .where('action', '=', 'notification_undeliverable')
      .execute();
    expect(recorded).toHaveLength(1);
  });

  it('a batch of 20 expiring in one sweep is one edit of its card', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `p${i}@elsewhere.com`);
    await slack.say(OWNER, `invite ${emails.join(' ')}`);
    await slack.deliver();
    expect(channelPosts()).toHaveLength(1);

    await expireTheRest();
    await slack.deliver();
    expect(edits()).toHaveLength(1);
    expect(String(edits()[0]?.text)).toContain('20 invited: 20 expired');
    expect(String(edits()[0]?.text).match(/: expired/g)).toHaveLength(20);
    expect(channelPosts()).toHaveLength(1);
    // The inviter's 20 DMs meet Slack's one-a-second pace (the outbox retries them): nothing else was refused.
    const refused = slack.fake.limits.takeRefusals();
    expect(refused.every((r) => r.method === 'chat.postMessage' && r.error === 'ratelimited')).toBe(true);
  });
});

describe('a Slack live card within Slack limits (SPEC §10)', () => {
  it('a card of 100 invitees with 254-character addresses fits one message and still counts everyone', () => {
    const email = (i: number) => `${'a&<'.repeat(80)}${String(i).padStart(3, '0')}@${'x'.repeat(7)}.io`;
    const states = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
    const lines: CardLine[] = Array.from({ length: 100 }, (_, i) => ({
      email: email(i),
      state: states[i % states.length] ?? 'pending',
      expiresAt: 1_000_000,
    }));
    const card = { orgName: 'A&B <Co>', role: 'member' as const, invitedBy: 'o@x.io', lines };
    const text = cardText({ kind: 'card_update', orgName: card.orgName, cardId: 'c1', card, changed: [] }, 0);
    expect(email(0)).toHaveLength(254);
    expect(text.length).toBeLessThanOrEqual(4_000);
    expect(text).toContain('100 invited: 20 accepted, 20 pending, 20 declined, 20 revoked, 20 expired');
    const shown = text.split('\n').filter((line) => line.startsWith('• ')).length;
    expect(text).toContain(`…and ${100 - shown} more`);
    expect(text).toContain('A&amp;B &lt;Co&gt;');
  });
});
