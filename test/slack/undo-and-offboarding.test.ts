import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/index.ts';
import { availableDialects } from '../support/stores.ts';
import { blockTexts, buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const OTHER_OWNER = 'UOTHER';
const ALICE = 'UALICE';
const STRANGER = 'USTRANGER';

describe.each(await availableDialects())('undoing a removal and the offboarding prompt in Slack (%s)', (dialect) => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start(dialect);
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: OTHER_OWNER, email: 'other@x.com' });
    slack.fake.addUser({ id: ALICE, email: 'alice@x.com' });
    slack.fake.addUser({ id: STRANGER, email: 'stranger@x.com' });
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'channel <#C0ROLL|rollcall>');
    await join(ALICE, 'alice@x.com', 'billing-admin');
    await join(OTHER_OWNER, 'other@x.com', 'owner');
    await slack.deliver();
  });
  afterEach(() => slack.close());

  async function join(userId: string, email: string, role: string) {
    await slack.say(OWNER, `invite ${email} as ${role}`);
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').findLast((body) => body.channel === userId);
    const [accept] = buttonIds(offer ?? {});
    await (await slack.click(userId, accept ?? '')).reply();
  }

  /** Removes Alice with a confirmed click; returns the outcome message with its Undo. */
  async function removeAlice() {
    const ask = await (await slack.slash(OWNER, 'remove alice@x.com')).reply();
    const [confirm] = buttonIds(ask);
    return (await slack.click(OWNER, confirm ?? '')).reply();
  }

  it('offers Undo on the removal, restores the same role within ten minutes, and tells the channel and Alice', async () => {
    const done = await removeAlice();
    expect(done).toMatchObject({ replace_original: true, text: expect.stringContaining('alice@x.com* was removed') });
    const [undo] = buttonIds(done);
    expect(undo).toMatch(/^rollcall:undo:/);
    expect(blockTexts(done).join('\n')).toContain('Only you can undo this');

    slack.clock.advance(9 * MINUTE);
    const undone = await (await slack.click(OWNER, undo ?? '')).reply();
    expect(undone).toMatchObject({ replace_original: true });
    expect(String(undone.text)).toContain('*alice@x.com* is back as Organization Billing Admin');
    expect(await slack.say(OWNER, 'list members')).toContain('3 members');

    const before = slack.fake.callsTo('chat.postMessage').length;
    await slack.deliver();
    const posts = slack.fake.callsTo('chat.postMessage').slice(before);
    expect(posts).toContainEqual(
      expect.objectContaining({ channel: 'C0ROLL', text: expect.stringContaining('undid the removal') }),
    );
    expect(posts).toContainEqual(
      expect.objectContaining({ channel: ALICE, text: expect.stringContaining('you are back') }),
    );

    const twice = await (await slack.click(OWNER, undo ?? '')).reply();
    expect(twice).toMatchObject({ replace_original: false, text: 'That removal was already undone.' });
  });

  it('refuses Undo after ten minutes and to another owner, telling only the clicker', async () => {
    const [undo] = buttonIds(await removeAlice());
    const foreign = await (await slack.click(OTHER_OWNER, undo ?? '')).reply();
    expect(foreign).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(String(foreign.text)).toContain('Only the owner who removed them');

    slack.clock.advance(10 * MINUTE);
    const late = await (await slack.click(OWNER, undo ?? '')).reply();
    expect(late).toMatchObject({ replace_original: false, text: expect.stringContaining('ten minutes') });
    expect(await slack.say(OWNER, 'list members')).toContain('2 members');
  });

  /** Slack deactivated `userId`: the signed event, then the listener's answer (it runs after the ack). */
  async function deactivate(userId: string, email: string) {
    const response = await slack.userChange({ id: userId, team_id: 'T0001', deleted: true, profile: { email } });
    expect(response.status).toBe(200);
    await slack.waitForCount('user_change');
  }

  it('prompts the owners in the channel when Slack deactivates a member; Remove goes through the confirmation', async () => {
    await deactivate(ALICE, 'alice@x.com');
    const before = slack.fake.callsTo('chat.postMessage').length;
    await slack.deliver();
    const [prompt, ...others] = slack.fake.callsTo('chat.postMessage').slice(before);
    expect(others).toEqual([]);
    expect(prompt).toMatchObject({ channel: 'C0ROLL', text: expect.stringContaining('*alice@x.com* was deactivated') });
    const [remove] = buttonIds(prompt ?? {});
    expect(remove).toBe('rollcall:offboard:alice@x.com');
    expect(JSON.stringify(prompt?.blocks)).toContain('Remove from Acme');

    const refused = await (await slack.click(ALICE, remove ?? '')).reply();
    expect(refused).toMatchObject({ replace_original: false });

    const ask = await (await slack.click(OTHER_OWNER, remove ?? '')).reply();
    expect(ask).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(String(ask.text)).toContain('Remove *alice@x.com*');
    const [confirm] = buttonIds(ask);
    const done = await (await slack.click(OTHER_OWNER, confirm ?? '')).reply();
    expect(String(done.text)).toContain('alice@x.com* was removed');
    expect(await slack.say(OWNER, 'list members')).toContain('2 members');
  });

  it('changes nothing when Slack deactivates a stranger, or reports a profile change that is no deactivation', async () => {
    await deactivate(STRANGER, 'stranger@x.com');
    await slack.userChange({ id: ALICE, team_id: 'T0001', deleted: false, profile: { email: 'alice@x.com' } });
    const before = slack.fake.callsTo('chat.postMessage').length;
    expect((await slack.deliver()).delivered).toBe(0);
    expect(slack.fake.callsTo('chat.postMessage').length).toBe(before);
    expect(await slack.say(OWNER, 'list members')).toContain('3 members');
  });
});
