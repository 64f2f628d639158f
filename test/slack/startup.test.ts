import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import type { SlackConfig } from '../../src/config.ts';
import { systemClock } from '../../src/core/index.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET } from '../support/fake-slack-signer.ts';

const adapterFor = (config: SlackConfig) =>
  createSlackAdapter({
    // Starting and wiring never reach the core.
    core: {} as never,
    config,
    log: createLogger('silent'),
    metrics: createMetrics(),
    clock: systemClock,
  });

describe('starting the Slack adapter', () => {
  let fake: FakeSlack;

  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(() => fake.close());

  it('checks the bot token against SLACK_API_URL and names what Slack said', async () => {
    fake.script('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const adapter = adapterFor({
      botToken: 'xoxb-bad',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: fake.apiUrl,
    });
    await expect(adapter.start()).rejects.toThrow('Slack did not accept the bot token (auth.test): invalid_auth');
    expect(fake.callsTo('auth.test')).toEqual([expect.objectContaining({ token: 'xoxb-bad' })]);
  });

  it('in Socket Mode has no HTTP listener, so the shared server does not expose /slack/events', () => {
    const adapter = adapterFor({
      botToken: 'xoxb-test',
      signingSecret: undefined,
      appToken: 'xapp-test',
      apiUrl: undefined,
    });
    expect(adapter.requestListener).toBeUndefined();
  });
});
