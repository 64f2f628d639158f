import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHES_PER_MINUTE } from '../../adapters/slack/home/publisher.ts';
import { expectOk, slackCaller } from '../support/core-harness.ts';
import { SlackHarness } from './harness.ts';
import { openHome } from './home-steps.ts';

const OWNER = 'UOWNER';
const VIEWERS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('republishing open Homes within views.publish’s rate tier', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    // One clock for the app and for the fake's rate windows, so the test can move both.
    slack.fake.limits.now = slack.clock;
    slack.fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    await slack.say(OWNER, 'setup Acme');
    const owner = slackCaller(OWNER, 'owner@x.com', slack.fake.teamId);
    const emails = Array.from({ length: VIEWERS - 1 }, (_, i) => `m${i}@x.com`);
    const { invited } = expectOk(await slack.core.invite(owner, { emails }));
    for (const [i, invitation] of invited.entries()) {
      slack.fake.addUser({ id: `UM${i}`, email: invitation.email });
      expectOk(await slack.core.accept(slackCaller(`UM${i}`, invitation.email, slack.fake.teamId), invitation));
    }
  });
  afterEach(() => slack.close());

  it('holds back what would exceed the tier, and publishes it once the minute has passed', async () => {
    const viewers = [OWNER, ...Array.from({ length: VIEWERS - 1 }, (_, i) => `UM${i}`)];
    for (const viewer of viewers) await openHome(slack, viewer);
    const publishes = () => slack.fake.callsTo('views.publish').length;
    expect(publishes()).toBe(VIEWERS);
    await slack.say(OWNER, 'invite late@x.com');
    // Everyone's Home is due; only what the minute's budget leaves goes out now.
    await slack.fake.waitFor(() => publishes() >= PUBLISHES_PER_MINUTE);
    await sleep(1_500);
    expect(publishes()).toBe(PUBLISHES_PER_MINUTE);
    slack.clock.advance(61_000);
    await slack.fake.waitFor(() => publishes() >= 2 * VIEWERS, 10_000);
    const last = slack.fake.callsTo('views.publish').slice(-1)[0];
    expect(JSON.stringify(last)).toContain('late@x.com');
    // Slack refused nothing: the fake would have answered 429 past 100 a minute (checked on close).
    expect(slack.fake.limits.refusals).toEqual([]);
  });
});
