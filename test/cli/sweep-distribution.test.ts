import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/index.ts';
import { slackInstallations } from '../../src/slack-installations.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import { coreOn } from './cli-store.ts';
import { freshDatabaseUrl, rollcall } from './spawn-cli.ts';

const SECRET_KEY = 'a-test-secret-key-of-some-length';
const ACME = { teamId: 'T0001', token: 'xoxb-acme-token', owner: 'UOWNER' };

function inSlack(teamId: string, userId: string, email: string): Caller {
  return { platform: 'slack', workspaceId: teamId, userId, verifiedEmail: email };
}

describe('rollcall sweep in Slack distribution mode (SLACK_CLIENT_ID, no SLACK_BOT_TOKEN)', { timeout: 60_000 }, () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it("delivers a workspace's notices with the token its installation stored", async () => {
    fake = await FakeSlack.start();
    const DATABASE_URL = freshDatabaseUrl();
    const { store, core } = await coreOn(DATABASE_URL);
    try {
      // What "Add to Slack" left in the database: the token sealed with ROLLCALL_SECRET_KEY.
      await slackInstallations(store, SECRET_KEY).save({
        teamId: ACME.teamId,
        teamName: 'Acme',
        enterpriseId: null,
        appId: 'A0ROLLCALL',
        botToken: ACME.token,
        botUserId: 'UBOT',
        botId: 'BBOT',
        botScopes: ['commands', 'chat:write'],
        installerUserId: ACME.owner,
        installedAt: Date.now(),
      });
      const owner = inSlack(ACME.teamId, ACME.owner, 'owner@acme.test');
      const setup = await core.setup(owner, { orgName: 'Acme', isPlatformAdmin: true, defaultChannelId: 'C0ROLL' });
      expect(setup.ok).toBe(true);
      expect((await core.invite(owner, { emails: ['bob@acme.test'] })).ok).toBe(true);
    } finally {
      await store.close();
    }

    const run = await rollcall(['sweep'], {
      DATABASE_URL,
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-of-16+',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ROLLCALL_SECRET_KEY: SECRET_KEY,
      LOG_LEVEL: 'silent',
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const posts = fake.accepted.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toContain('C0ROLL');
    expect(posts.map((p) => p.authorization)).toEqual(posts.map(() => `Bearer ${ACME.token}`));
    expect(run.stdout).toMatch(/Notifications: [1-9]\d* delivered, 0 to retry, 0 undeliverable\./);
  });
});
