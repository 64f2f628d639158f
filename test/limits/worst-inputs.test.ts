import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOOKUP_BUDGET } from '../../adapters/slack/directory.ts';
import { type DiscordWorld, inGuild, NOTIFICATIONS, owner } from '../discord/harness.ts';
import { setUpAcme } from '../discord/steps.ts';
import { blockTexts, SlackHarness } from '../slack/harness.ts';

const OWNER = 'UOWNER';
const STRANGER = 'USTRANGER';
/** Distinct addresses of 254 characters, the longest SPEC §10 has us take; 99 fill the 100 seats beside the owner. */
const longest = (i: number) =>
  `${String(i).padStart(3, '0')}${'a'.repeat(61)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
const FULL = Array.from({ length: 99 }, (_, i) => longest(i));
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('every Slack reply fits, whatever the input', () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isOwner: true });
    slack.fake.addUser({ id: STRANGER, email: 'stranger@y.com' });
  });
  afterEach(() => slack.close());

  /** Every message a command's response_url received, text and blocks. */
  async function allReplies(text: string, userId = OWNER): Promise<string> {
    const exchange = await slack.slash(userId, text);
    await exchange.reply();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const own = slack.fake.calls.filter((call) => call.method.startsWith('response:'));
    return own.map((call) => [String(call.body.text), ...blockTexts(call.body)].join('\n')).join('\n');
  }

  it('delivers every one of 99 codes for 254-character outside addresses, within the limits', async () => {
    await slack.say(OWNER, 'setup Acme');
    const shown = await allReplies(`invite ${FULL.join(' ')}`);
    for (const email of FULL) expect(shown).toContain(email);
    expect(occurrences(shown, 'Forward them this code')).toBeGreaterThanOrEqual(99);
    expect(slack.fake.callsTo('users.lookupByEmail').length).toBeLessThanOrEqual(LOOKUP_BUDGET);
    expect(slack.fake.limits.takeRefusals()).toEqual([]);
  });

  it('spends no lookup on a stranger’s invite of 99 addresses, and invites nobody', async () => {
    await slack.say(OWNER, 'setup Acme');
    const reply = await slack.say(STRANGER, `invite ${FULL.join(' ')}`);
    expect(reply).toContain('not a member');
    expect(slack.fake.callsTo('users.lookupByEmail')).toEqual([]);
    expect(await slack.show(OWNER, 'list pending')).toContain('0 pending');
  });

  it('stores a name as typed and shows it encoded once, and a typed <!channel> is shown, not executed', async () => {
    // Slack sends `setup Acme & Co <!channel>` as typed text with its entities encoded.
    const created = await slack.say(OWNER, 'setup Acme &amp; Co &lt;!channel&gt; *_~ @everyone');
    expect(created).toContain('*Acme &amp; Co &lt;!channel&gt; *_~ @everyone*');
    const roster = await slack.core.list(
      { platform: 'slack', workspaceId: 'T0001', userId: OWNER, verifiedEmail: 'owner@x.com' },
      { what: 'members' },
    );
    expect(roster.ok && roster.value.orgName).toBe('Acme & Co <!channel> *_~ @everyone');
    const refused = await slack.say(OWNER, 'invite &lt;!channel&gt;');
    expect(refused).toContain('&lt;!channel&gt;');
    expect(refused).not.toContain('<!channel>');
  });

  it('escapes the usage hint so Slack does not read it as a link', async () => {
    expect(await slack.say(OWNER, 'list')).toContain('&lt;organization name&gt;');
  });

  it('refuses an unknown mention clearly and changes nothing', async () => {
    await slack.say(OWNER, 'setup Acme');
    for (const mention of ['<@U0GHOST>', '<@uowner>']) {
      const reply = await slack.say(OWNER, `invite ${mention}`);
      expect(reply).toContain('I cannot find');
      expect(reply).not.toContain('Something went wrong');
    }
    expect(await slack.show(OWNER, 'list pending')).toContain('0 pending');
  });

  it('needs a channel link: `channel general` is refused with how to say it', async () => {
    await slack.say(OWNER, 'setup Acme');
    expect(await slack.say(OWNER, 'channel general')).toContain('/members channel &lt;#channel&gt;');
    expect(await slack.say(OWNER, 'channel <#C0ROLLCALL|rollcall>')).toContain('<#C0ROLLCALL>');
  });

  it('announces a batch of 40 in one channel message', async () => {
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'channel <#C0ROLLCALL|rollcall>');
    await allReplies(`invite ${FULL.slice(0, 40).join(' ')}`);
    await slack.deliver();
    const posts = slack.fake.callsTo('chat.postMessage').filter((body) => body.channel === 'C0ROLLCALL');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.text)).toContain('owner@x.com invited 40 people to Acme as Organization Member');
    expect(slack.fake.limits.takeRefusals()).toEqual([]);
  });

  it('accepts the caller’s own invitation without a code', async () => {
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'invite stranger@y.com');
    expect(await slack.say(STRANGER, 'accept')).toContain('Welcome to *Acme*');
    expect(await slack.say(STRANGER, 'decline')).toContain('/members accept CODE');
  });
});

describe('every Discord reply fits, whatever the input', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await (await import('../discord/harness.ts')).startWorld();
    await setUpAcme(world);
  });
  afterEach(() => world.close());

  // Discord's string option takes 6,000 characters: 100 addresses of 40.
  const outside = Array.from({ length: 99 }, (_, i) => `outside.person.${i}@elsewhere.example.com`);

  it('delivers every one of 99 codes in follow-ups, and announces the batch in one message', async () => {
    await world.run(inGuild(owner), 'invite', { emails: outside.join(' ') });
    const sent = () =>
      world.fake.calls
        .filter((call) => call.path.includes('/webhooks/'))
        .map((call) => JSON.stringify(call.body))
        .join('\n');
    await expect.poll(() => occurrences(sent(), 'accept code:'), { timeout: 5_000 }).toBeGreaterThanOrEqual(99);
    for (const email of outside) expect(sent()).toContain(email);
    await world.deliver();
    const posts = world.fake.messages.inChannel(NOTIFICATIONS);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain('invited 99 people to **Acme**');
    expect(posts[0]?.content.length).toBeLessThanOrEqual(2_000);
    expect(world.fake.limits.takeRefusals()).toEqual([]);
  });
});
