import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSFER_PICKER_ID } from '../../adapters/shared/transfer-picker.ts';
import { selectActionForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint } from '../support/fake-slack-signer.ts';
import { blockTexts, buttonIds, SlackHarness } from './harness.ts';

const OWNER = 'UOWNER';
const ANN = 'UANN';

interface SelectBlock {
  type: string;
  elements?: { type: string; action_id?: string; options?: { value: string; text: { text: string } }[] }[];
}

function selectOptions(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ?? []) as SelectBlock[];
  return blocks.flatMap((b) =>
    (b.elements ?? []).filter((e) => e.type === 'static_select').flatMap((e) => (e.options ?? []).map((o) => o.value)),
  );
}

describe('Slack: the only owner leaving is offered a transfer', () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: ANN, email: 'ann@x.com' });
  });
  afterEach(() => slack.close());

  async function pick(userId: string, email: string) {
    const responseUrl = slack.fake.responseUrl();
    await postToSlackEndpoint(slack.eventsUrl, selectActionForm(userId, TRANSFER_PICKER_ID, email, responseUrl));
    return (await slack.fake.waitForResponse(responseUrl)).body;
  }

  it('leave shows a picker of members; choosing one opens the transfer confirmation, which hands over', async () => {
    await slack.say(OWNER, 'setup Acme');
    await slack.say(OWNER, 'invite ann@x.com');
    await slack.deliver();
    const offer = slack.fake.callsTo('chat.postMessage').find((body) => String(body.text).includes('invited you'));
    const accept = offer && buttonIds(offer).find((id) => id.startsWith('rollcall:accept:'));
    if (!accept) throw new Error('no Accept button reached Ann');
    await (await slack.click(ANN, accept)).reply();

    const refusal = await (await slack.slash(OWNER, 'leave')).reply();
    expect(String(refusal.text)).toContain('You are the only owner, so you cannot leave yet');
    expect(String(refusal.text)).toContain('/members transfer &lt;email&gt;');
    expect(selectOptions(refusal)).toEqual(['ann@x.com']);

    const confirmation = await pick(OWNER, 'ann@x.com');
    expect(confirmation.replace_original).toBe(true);
    expect(blockTexts(confirmation).join('\n')).toContain(
      'Hand *Acme* to *ann@x.com*? They become an owner and you become a member.',
    );
    const confirm = buttonIds(confirmation).find((id) => id.startsWith('rollcall:confirm:'));
    if (!confirm) throw new Error('no confirm button');
    const done = await (await slack.click(OWNER, confirm)).reply();
    expect(String(done.text)).toContain('*ann@x.com* now owns *Acme*; you are a member.');
    expect(await slack.show(ANN, 'list members')).toMatch(/ann@x\.com\*\nOrganization Owner/);
  });

  it('a pick by someone who is not an owner is refused and changes nothing', async () => {
    await slack.say(OWNER, 'setup Acme');
    const refused = await pick(ANN, 'owner@x.com');
    expect(String(refused.text)).toContain('You are not a member of this organization.');
    expect(refused.replace_original).toBe(false);
    expect(await slack.show(OWNER, 'list members')).toMatch(/owner@x\.com\*\nOrganization Owner/);
  });

  it('the only owner alone gets the refusal without a picker', async () => {
    await slack.say(OWNER, 'setup Acme');
    const refusal = await (await slack.slash(OWNER, 'leave')).reply();
    expect(String(refusal.text)).toContain('the only owner and the only member');
    expect(selectOptions(refusal)).toEqual([]);
  });
});
