import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleCaller, expectOk } from '../support/core-harness.ts';
import { elementActionForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint } from '../support/fake-slack-signer.ts';
import { SlackHarness } from './harness.ts';
import {
  type Block,
  choice,
  homesOf,
  menus,
  nextHome,
  openHome,
  page,
  pick,
  shown,
  submit,
  type View,
} from './home-steps.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';

function ownerCaller(slack: SlackHarness) {
  return { platform: 'slack', workspaceId: slack.fake.teamId, userId: OWNER, verifiedEmail: 'owner@x.com' } as const;
}

/** Accepts member@x.com's invitation by its code, as a Slack user with that verified email. */
async function join(slack: SlackHarness, userId: string, email: string, role = 'member') {
  slack.fake.addUser({ id: userId, email });
  const [invited] = expectOk(await slack.core.invite(ownerCaller(slack), { emails: [email], role })).invited;
  await slack.say(userId, `accept ${invited?.code}`);
}

describe('row menus that Slack users could forge, on the Home and in /members list', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    await slack.say(OWNER, 'setup Acme');
    await join(slack, MEMBER, 'member@x.com');
  });
  afterEach(() => slack.close());

  it('a member forging Remove on the owner’s row changes nothing and is told why', async () => {
    const memberHome = await openHome(slack, MEMBER);
    expect(menus(memberHome).get('owner@x.com')).toEqual([]);
    // The handle an owner's menu would carry for the owner's row, replayed by the member.
    const roster = expectOk(await slack.core.list(ownerCaller(slack), { what: 'members' }));
    const ownerRow = roster.members.find((m) => m.email === 'owner@x.com');
    const forged = `remove:m.${ownerRow && 'memberRef' in ownerRow.ref ? ownerRow.ref.memberRef : ''}`;
    const refusal = await pick(slack, MEMBER, forged);
    expect(shown(refusal)).toContain('You cannot do that to this person');
    expect(refusal.submit).toBeUndefined();
    // Leave offered to the member, replayed against another row: not theirs to leave.
    const answer = await pick(slack, MEMBER, forged.replace(/^remove:/, 'leave:'));
    expect(shown(answer)).toContain('You cannot do that to this person');
    expect(await slack.show(OWNER, 'list members')).toContain('owner@x.com');
  });

  it('another organization’s member or invitation, named in a forged value, is found nowhere', async () => {
    const elsewhere = consoleCaller('boss@other.test');
    expectOk(await slack.core.setup(elsewhere, { orgName: 'Other', isPlatformAdmin: true }));
    expectOk(await slack.core.invite(elsewhere, { emails: ['victim@other.test'] }));
    const roster = expectOk(await slack.core.list(elsewhere, { what: 'all' }));
    const [boss] = roster.members;
    const [victim] = roster.pending;
    const memberRef = boss && 'memberRef' in boss.ref ? boss.ref.memberRef : '';
    const invitationId = victim && 'invitationId' in victim.ref ? victim.ref.invitationId : '';
    for (const value of [`remove:m.${memberRef}`, `role.member:m.${memberRef}`, `revoke:i.${invitationId}`]) {
      expect(shown(await pick(slack, OWNER, value))).toContain('no longer on this list');
    }
    expect(shown(await pick(slack, OWNER, `resend:i.${invitationId}`))).toContain('no longer on this list');
    expect(shown(await pick(slack, OWNER, 'remove:not-a-row'))).toContain('no longer on this list');
    const after = expectOk(await slack.core.list(elsewhere, { what: 'all' }));
    expect(after.members.map((m) => m.email)).toEqual(['boss@other.test']);
    expect(after.pending.map((p) => p.email)).toEqual(['victim@other.test']);
  });

  it('/members list carries the same menus, and Remove from it goes through the same confirmation', async () => {
    const reply = await (await slack.slash(OWNER, 'list')).reply();
    const list = { blocks: reply.blocks as Block[] };
    expect(menus(list).get('owner@x.com')).toEqual([]);
    const confirmation = await pick(slack, OWNER, choice(list, 'member@x.com', 'remove'), {
      responseUrl: slack.fake.responseUrl(),
    });
    expect(confirmation.submit?.text).toBe('Remove');
    expect(shown(await submit(slack, OWNER, confirmation))).toContain('was removed');
    expect(await slack.show(OWNER, 'list members')).not.toContain('member@x.com');
  });

  it('a removal confirmed on the Home keeps its Undo in the Done modal; Undo there brings the member back', async () => {
    const home = await openHome(slack, OWNER);
    const confirmation = await pick(slack, OWNER, choice(home, 'member@x.com', 'remove'));
    const done = await submit(slack, OWNER, confirmation);
    expect(shown(done)).toContain('was removed');
    const undo = done.blocks
      .flatMap((block) => block.elements ?? [])
      .map((element) => element.action_id)
      .find((id) => id?.startsWith('rollcall:undo:'));
    expect(undo).toBeDefined();
    expect(await slack.show(OWNER, 'list members')).not.toContain('member@x.com');

    const updates = slack.fake.callsTo('views.update').length;
    const click = elementActionForm(OWNER, { type: 'button', action_id: undo ?? '' }, { modal: `VMODAL${OWNER}` });
    expect((await postToSlackEndpoint(slack.eventsUrl, click)).status).toBe(200);
    await slack.fake.waitFor(() => slack.fake.callsTo('views.update').length > updates);
    const [update] = slack.fake.callsTo('views.update').slice(updates);
    expect(update?.view_id).toBe(`VMODAL${OWNER}`);
    expect(shown(update?.view as View)).toContain('Undone: *member@x.com* is back as Organization Member');
    expect(await slack.show(OWNER, 'list members')).toContain('member@x.com');
  });

  it('a second confirmation of the same removal changes nothing and says it was already done', async () => {
    const home = await openHome(slack, OWNER);
    const confirmation = await pick(slack, OWNER, choice(home, 'member@x.com', 'remove'));
    await submit(slack, OWNER, confirmation);
    expect(shown(await submit(slack, OWNER, confirmation))).toContain('already confirmed');
  });

  it('pages a long list and a large organization’s Home with Previous/Next', async () => {
    const owner = ownerCaller(slack);
    const emails = Array.from({ length: 98 }, (_, i) => `p${String(i).padStart(2, '0')}@x.com`);
    expectOk(await slack.core.invite(owner, { emails }));
    // The list: 40 rows a message, Next replaces it with the next page.
    const reply = await (await slack.slash(OWNER, 'list')).reply();
    expect(JSON.stringify(reply)).toContain('Page 1 of 3.');
    const responseUrl = slack.fake.responseUrl();
    await page(slack, OWNER, 'rollcall:page:list:all:3', { responseUrl });
    const third = (await slack.fake.waitForResponse(responseUrl)).body;
    expect(third.replace_original).toBe(true);
    expect(JSON.stringify(third)).toContain('p97@x.com');
    expect(JSON.stringify(third)).toContain('Page 3 of 3.');
    // The Home: 80 rows a page, within Slack's 100 blocks (the fake refuses more).
    const home = await openHome(slack, OWNER);
    expect(shown(home)).toContain('Page 1 of 2.');
    expect(menus(home).has('p97@x.com')).toBe(false);
    const seen = homesOf(slack, OWNER);
    await page(slack, OWNER, 'rollcall:page:home:all:2', { home: true });
    const second = await nextHome(slack, OWNER, seen);
    expect(menus(second).has('p97@x.com')).toBe(true);
    expect(JSON.stringify(second)).toContain('rollcall:page:home:all:1');
  });
});
