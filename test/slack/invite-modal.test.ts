import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const MEMBER = 'UMEMBER';

interface OpenedView {
  trigger_id: string;
  view: { blocks: { block_id: string; element: { options?: { value: string }[] } }[] };
}

describe('the Slack invite modal', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: MEMBER, email: 'member@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'invite member@x.com');
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => body.channel === MEMBER);
    await (await slack.click(MEMBER, buttonIds(offer ?? {})[0] ?? '')).reply();
  });
  afterEach(() => slack.close());

  async function openFor(userId: string): Promise<OpenedView> {
    const before = slack.fake.callsTo('views.open').length;
    await slack.slash(userId, 'invite');
    const opened = await slack.fake.waitFor(
      (call) => call.method === 'views.open' && slack.fake.callsTo('views.open').length > before,
    );
    return opened.body as unknown as OpenedView;
  }

  const roleValues = (view: OpenedView) =>
    view.view.blocks.find((block) => block.block_id === 'role')?.element.options?.map((option) => option.value);

  it('opens with the trigger id and offers an owner every role, a member only member', async () => {
    const forOwner = await openFor(OWNER);
    expect(forOwner.trigger_id).toMatch(/^trigger-UOWNER-/);
    expect(roleValues(forOwner)).toEqual(['owner', 'billing-admin', 'member']);
    expect(roleValues(await openFor(MEMBER))).toEqual(['member']);
  });

  it('shows invalid addresses next to the emails field and invites nobody', async () => {
    const result = await slack.submitInvite(OWNER, 'good@x.com\nnot-an-email, also@bad', 'member');
    expect(result.status).toBe(200);
    const body = JSON.parse(result.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.emails).toContain('not-an-email');
    expect(body.errors.emails).toContain('also@bad');
    expect(await slack.show(OWNER, 'list pending')).not.toContain('good@x.com');
  });

  it('shows a role the caller may not grant next to the role field', async () => {
    const result = await slack.submitInvite(MEMBER, 'friend@x.com', 'owner');
    const body = JSON.parse(result.text) as { response_action: string; errors: Record<string, string> };
    expect(body).toMatchObject({ response_action: 'errors', errors: { role: expect.stringContaining('Owner') } });
    expect(await slack.show(OWNER, 'list pending')).not.toContain('friend@x.com');
  });

  /** The n-th views.update: the outcome that replaces the "Inviting…" view. */
  async function outcome(n: number): Promise<string> {
    await slack.fake.waitFor(() => slack.fake.callsTo('views.update').length >= n);
    return JSON.stringify(slack.fake.callsTo('views.update')[n - 1]);
  }

  it('invites on a valid submission, and a double submission invites nobody twice', async () => {
    const first = JSON.parse((await slack.submitInvite(OWNER, ' a@x.com,  b@x.com ', 'billing-admin')).text);
    expect(first.response_action).toBe('update');
    expect(JSON.stringify(first.view)).toContain('Inviting 2 people');
    expect(await outcome(1)).toContain('a@x.com* (Organization Billing Admin)');
    const second = JSON.parse((await slack.submitInvite(OWNER, 'a@x.com, b@x.com', 'billing-admin')).text);
    expect(second.response_action).toBe('update');
    expect(await outcome(2)).toContain('Already invited');
    slack.clock.advance(30 * 60_000);
    const pending = await slack.show(OWNER, 'list pending');
    expect(pending.match(/a@x\.com/g)).toHaveLength(1);
    expect(pending).toContain('Billing Admin · Pending · invited by owner@x.com · expires in 48 hours');
  });
});
