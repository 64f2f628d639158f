import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackHarness } from './harness.ts';

describe('Slack command text', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: 'UOWNER', email: 'owner@x.com', isAdmin: true });
    slack.fake.addUser({ id: 'UALICE', email: 'Alice@X.com' });
    await slack.say('UOWNER', 'setup Acme');
  });
  afterEach(() => slack.close());

  it('understands mentions, mailto links, commas and extra spaces in one invite', async () => {
    const reply = await slack.say(
      'UOWNER',
      'invite   <@UALICE|alice>,<mailto:bob@x.com|bob@x.com> ,,  carol@x.com   as   Billing',
    );
    expect(reply).toContain('Invited 3');
    expect(reply).toContain('*alice@x.com* (Organization Billing Admin): sent them a DM');
    expect(reply).toContain('*bob@x.com* (Organization Billing Admin): not in this workspace');
    expect(reply).toContain('*carol@x.com* (Organization Billing Admin)');
  });

  it('resolves a mention where a single email is expected', async () => {
    await slack.say('UOWNER', 'invite alice@x.com');
    const reply = await slack.say('UOWNER', 'revoke <@UALICE>');
    expect(reply).toContain('Revoke the pending invitation of *alice@x.com*');
  });

  it('answers a known command with missing words with its usage', async () => {
    expect(await slack.say('UOWNER', 'role alice@x.com')).toBe(
      'Usage: `/members role &lt;email&gt; &lt;owner|billing-admin|member&gt;`',
    );
  });

  it('resends at most once every ten minutes, with a fresh code', async () => {
    const first = await slack.say('UOWNER', 'invite bob@elsewhere.com');
    const early = await slack.say('UOWNER', 'resend bob@elsewhere.com');
    expect(early).toContain('less than 10 minutes ago');
    slack.clock.advance(11 * 60_000);
    const resent = await slack.say('UOWNER', 'resend <mailto:bob@elsewhere.com|bob@elsewhere.com>');
    expect(resent).toContain(':arrows_counterclockwise: Resent.');
    const code = (text: string) => /`([A-Z0-9]{20,})`/.exec(text)?.[1];
    expect(code(resent)).toBeDefined();
    expect(code(resent)).not.toBe(code(first));
    expect(resent).toContain('expires in 48 hours');
  });
});
