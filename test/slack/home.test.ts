import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { expectOk, slackCaller } from '../support/core-harness.ts';
import { buttonIds, SlackHarness } from './harness.ts';
import { choice, homesOf, menus, nextHome, openHome, pick, shown, submit } from './home-steps.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';
const GUEST = 'UGUEST';

describe('the Slack App Home "Members" tab', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    slack.fake.addUser({ id: GUEST, email: 'guest@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'invite member@x.com');
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === MEMBER);
    await (await slack.click(MEMBER, buttonIds(offer ?? {})[0] ?? '')).reply();
    await slack.say(OWNER, 'invite guest@x.com');
    await slack.say(MEMBER, 'invite friend@x.com');
  });
  afterEach(() => slack.close());

  it('shows an owner the seats, every row with what they may do to it, Invite people and the activity', async () => {
    const home = await openHome(slack, OWNER);
    const text = shown(home);
    expect(text).toContain('Members of Acme');
    expect(text).toContain('4 of 100 seats used');
    expect(text).toContain('Recent activity');
    expect(text).toMatch(/invited by member@x\.com · expires in 48 hours/);
    expect(JSON.stringify(home)).toContain('rollcall:home-invite');
    const rows = menus(home);
    // Their own row: the only owner may not leave. Another member: Change role and Remove.
    expect(rows.get('owner@x.com')).toEqual([]);
    expect(rows.get('member@x.com')?.map((v) => v.split(':')[0])).toEqual(['role', 'remove']);
    // Just sent: Revoke now, Resend only once its ten minutes have passed.
    expect(rows.get('guest@x.com')?.map((v) => v.split(':')[0])).toEqual(['revoke']);
    slack.clock.advance(11 * 60_000);
    const later = await openHome(slack, OWNER);
    expect(
      menus(later)
        .get('guest@x.com')
        ?.map((v) => v.split(':')[0]),
    ).toEqual(['resend', 'revoke']);
  });

  it('shows a member no Remove, no activity, Leave on their own row and Revoke on their own invitation', async () => {
    const home = await openHome(slack, MEMBER);
    const rows = menus(home);
    expect(shown(home)).not.toContain('Recent activity');
    expect(rows.get('owner@x.com')).toEqual([]);
    expect(rows.get('member@x.com')?.map((v) => v.split(':')[0])).toEqual(['leave']);
    expect(rows.get('friend@x.com')?.map((v) => v.split(':')[0])).toEqual(['revoke']);
    expect(rows.get('guest@x.com')).toEqual([]);
    expect(JSON.stringify(home)).not.toContain('remove:');
  });

  it('shows a stranger only their own invitations, with Accept and Decline, and accepting joins them', async () => {
    const home = await openHome(slack, GUEST);
    const text = shown(home);
    expect(text).toContain('*Acme* invites you as Organization Member');
    expect(text).not.toContain('member@x.com');
    expect(text).not.toContain('friend@x.com');
    const accept = home.blocks.flatMap((b) => b.elements ?? []).find((e) => e.value?.startsWith('accept:'));
    expect(accept?.text).toMatchObject({ text: 'Accept' });
    const seen = homesOf(slack, GUEST);
    const outcome = await pick(slack, GUEST, accept?.value ?? '', { home: true }, 'button');
    expect(shown(outcome)).toContain('Welcome to *Acme*');
    // Their Home turns into the organization's.
    expect(shown(await nextHome(slack, GUEST, seen))).toContain('Members of Acme');
  });

  it('lets an owner remove a member in two clicks and the confirmation, and republishes the open Home', async () => {
    const home = await openHome(slack, OWNER);
    const seen = homesOf(slack, OWNER);
    const confirmation = await pick(slack, OWNER, choice(home, 'member@x.com', 'remove'));
    expect(confirmation.submit?.text).toBe('Remove');
    expect(shown(confirmation)).toContain('Remove *member@x.com* (Organization Member) from the organization?');
    // Nothing happens until it is confirmed.
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
    const done = await submit(slack, OWNER, confirmation);
    expect(shown(done)).toContain('*member@x.com* was removed');
    expect(await slack.show(OWNER, 'list members')).not.toContain('member@x.com');
    const republished = await nextHome(slack, OWNER, seen);
    expect(menus(republished).has('member@x.com')).toBe(false);
  });

  it('changes a role through a role select, then the confirmation', async () => {
    const home = await openHome(slack, OWNER);
    const form = await pick(slack, OWNER, choice(home, 'member@x.com', 'role'));
    const options = JSON.stringify(form.blocks);
    expect(options).toContain('"value":"owner"');
    expect(options).not.toContain('"value":"member"');
    const values = { new_role: { new_role: { type: 'static_select', selected_option: { value: 'billing_admin' } } } };
    const confirmation = await submit(slack, OWNER, form, values);
    expect(shown(confirmation)).toContain('from Organization Member to Organization Billing Admin');
    expect(shown(await submit(slack, OWNER, confirmation))).toContain('is now Organization Billing Admin');
    expect(await slack.show(OWNER, 'list members')).toContain('Organization Billing Admin · Verified');
  });

  it('republishes an owner’s open Home after a change made by a slash command, once per burst', async () => {
    await openHome(slack, OWNER);
    const seen = homesOf(slack, OWNER);
    await slack.say(MEMBER, 'invite new@x.com');
    const republished = await nextHome(slack, OWNER, seen);
    expect(menus(republished).has('new@x.com')).toBe(true);
    // A burst of changes straight through the core: fewer publishes than changes.
    const member = slackCaller(MEMBER, 'member@x.com', slack.fake.teamId);
    const before = homesOf(slack, OWNER);
    for (const email of ['b1@x.com', 'b2@x.com', 'b3@x.com', 'b4@x.com', 'b5@x.com'])
      expectOk(await slack.core.invite(member, { emails: [email] }));
    const latest = await nextHome(slack, OWNER, before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(homesOf(slack, OWNER) - before).toBeLessThan(5);
    expect(menus(slack.fake.callsTo('views.publish').at(-1)?.view as typeof latest).has('b5@x.com')).toBe(true);
  });

  it('republishes an open Home when the sweep expires an invitation on it', async () => {
    await slack.say(MEMBER, 'invite soon@x.com');
    slack.clock.advance(48 * 60 * 60_000 - 60_000);
    expect(menus(await openHome(slack, OWNER)).has('soon@x.com')).toBe(true);
    const seen = homesOf(slack, OWNER);
    slack.clock.advance(2 * 60_000);
    expect(await expireInvitations(slack.store, slack.clock())).toBeGreaterThan(0);
    const republished = await nextHome(slack, OWNER, seen);
    expect(menus(republished).has('soon@x.com')).toBe(false);
  });

  it('does not republish a Home opened more than an hour ago', async () => {
    await openHome(slack, OWNER);
    slack.clock.advance(61 * 60_000);
    const seen = homesOf(slack, OWNER);
    await slack.say(MEMBER, 'invite late@x.com');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(homesOf(slack, OWNER)).toBe(seen);
  });
});
