import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { endMemberships } from '../../src/jobs/end-memberships.ts';
import { sendReminders } from '../../src/jobs/send-reminders.ts';
import { availableDialects } from '../support/stores.ts';
import { blockTexts, buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const ALICE = 'UALICE';
const DAY = 24 * HOUR;

describe.each(await availableDialects())('expiry reminders and time-limited memberships in Slack (%s)', (dialect) => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start(dialect);
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: ALICE, email: 'alice@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'channel <#C0ROLL|rollcall>');
  });
  afterEach(() => slack.close());

  /** The DMs to the owner posted by the next delivery. */
  async function ownerDms() {
    const before = slack.fake.callsTo('chat.postMessage').length;
    await slack.deliver();
    return slack.fake
      .callsTo('chat.postMessage')
      .slice(before)
      .filter((body) => body.channel === OWNER);
  }

  async function remind(afterMs: number) {
    slack.clock.advance(afterMs);
    expect(await sendReminders(slack.store, slack.clock())).toBe(1);
    const [dm, ...others] = await ownerDms();
    expect(others).toEqual([]);
    return dm ?? {};
  }

  it('DMs the inviter at half time with Resend and Revoke; Resend renews at once', async () => {
    await slack.say(OWNER, 'invite bob@elsewhere.com');
    const dm = await remind(24 * HOUR);
    expect(dm.text).toContain('Your invitation of bob@elsewhere.com to *Acme* expires in 24 hours');
    const [resend, revoke] = buttonIds(dm);
    expect(resend).toBe('rollcall:resend:bob@elsewhere.com');
    expect(revoke).toBe('rollcall:revoke:bob@elsewhere.com');

    const renewed = await (await slack.click(OWNER, resend ?? '')).reply();
    expect(renewed).toMatchObject({ replace_original: true, text: expect.stringContaining('Resent') });
    expect(String(renewed.text)).toContain('expires in 48 hours');

    // The same reminder clicked again within ten minutes: refused, told only to the clicker.
    const again = await (await slack.click(OWNER, resend ?? '')).reply();
    expect(again).toMatchObject({ replace_original: false, text: expect.stringContaining('bob@elsewhere.com') });
  });

  it('asks for confirmation before a Revoke from the reminder, and revokes on confirm', async () => {
    await slack.say(OWNER, 'invite bob@elsewhere.com');
    const [, revoke] = buttonIds(await remind(24 * HOUR));
    const ask = await (await slack.click(OWNER, revoke ?? '')).reply();
    expect(ask).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(String(ask.text)).toContain('Revoke the pending invitation of *bob@elsewhere.com*');
    const [confirm] = buttonIds(ask);
    expect(confirm).toMatch(/^rollcall:confirm:/);
    expect(await slack.say(OWNER, 'list pending')).toContain('1 pending');

    const done = await (await slack.click(OWNER, confirm ?? '')).reply();
    expect(String(done.text)).toContain('was revoked');
    const list = await (await slack.slash(OWNER, 'list pending')).reply();
    expect(blockTexts(list).join('\n')).toContain('No pending invitations.');
  });

  it('refuses a Resend by someone who neither sent the invitation nor owns the organization', async () => {
    await slack.say(OWNER, 'invite alice@x.com');
    const [accept] = buttonIds((await aliceOffers())[0] ?? {});
    await (await slack.click(ALICE, accept ?? '')).reply();
    await slack.say(OWNER, 'invite bob@elsewhere.com');
    const [resend] = buttonIds(await remind(24 * HOUR));
    const refused = await (await slack.click(ALICE, resend ?? '')).reply();
    expect(refused).toMatchObject({ replace_original: false, text: expect.stringContaining('bob@elsewhere.com') });
  });

  /** The invitation DMs Alice got, after a delivery. */
  async function aliceOffers() {
    await slack.deliver();
    return slack.fake.callsTo('chat.postMessage').filter((body) => body.channel === ALICE);
  }

  it('invites for 30 days, lists the end, extends it by command, and offers Extend / Let it end before the end', async () => {
    const invited = await slack.say(OWNER, 'invite alice@x.com for 30d');
    expect(invited).toContain('Organization Member, for 30 days');
    const [offer] = await aliceOffers();
    const [accept] = buttonIds(offer ?? {});
    await (await slack.click(ALICE, accept ?? '')).reply();

    const list = await (await slack.slash(OWNER, 'list members')).reply();
    expect(blockTexts(list).join('\n')).toContain('ends in 30 days');

    expect(await slack.say(OWNER, 'extend alice@x.com 2w')).toContain(
      'Extended *alice@x.com* by 2 weeks: the membership now ends in 44 days',
    );
    expect(await slack.say(OWNER, 'extend alice@x.com 2 years')).toContain('1 hour to 1 year');
    expect(await slack.say(OWNER, 'extend alice@x.com soon')).toContain('"soon" is not a duration');

    // The ending notice comes a tenth of the last term (2 weeks) before the end: 1.4 days.
    slack.clock.advance(43 * DAY);
    expect(await endMemberships(slack.store, slack.clock())).toEqual({ ended: 0, noticed: 1 });
    const [ending] = await ownerDms();
    expect(ending?.text).toContain('The membership of alice@x.com in *Acme* ends in 24 hours');
    const [extend, letEnd] = buttonIds(ending ?? {});
    expect(letEnd).toBe('rollcall:let_end:alice@x.com');

    const lettingEnd = await (await slack.click(OWNER, letEnd ?? '')).reply();
    expect(lettingEnd).toMatchObject({ replace_original: true, text: expect.stringContaining('will end as planned') });
    const extended = await (await slack.click(OWNER, extend ?? '')).reply();
    expect(String(extended.text)).toContain('Extended *alice@x.com* by 2 weeks');
    expect(await slack.say(ALICE, 'extend alice@x.com 1d')).toContain('Only an owner');
  });

  it('refuses a time limit for an owner and a duration out of range, inviting nobody', async () => {
    expect(await slack.say(OWNER, 'invite carol@x.com as owner for 30d')).toContain('Owners cannot be time-limited');
    expect(await slack.say(OWNER, 'invite carol@x.com for 30m')).toContain('"30m" is not a duration');
    expect(await slack.say(OWNER, 'invite carol@x.com for 2y')).toContain('1 hour to 1 year');
    expect(await slack.say(OWNER, 'list pending')).toContain('0 pending');
  });
});
