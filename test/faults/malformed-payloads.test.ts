import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordWorld, inGuild, owner, startWorld } from '../discord/harness.ts';
import { setUpAcme } from '../discord/steps.ts';
import { signedHeaders } from '../support/fake-slack-signer.ts';
import { FaultyWorld } from './slack-bot.ts';

async function postSigned(url: string, body: string, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signedHeaders(body) },
    body,
  });
  return response.status;
}

describe('a malformed platform payload', () => {
  let slack: FaultyWorld | undefined;
  let discord: DiscordWorld | undefined;
  afterEach(async () => {
    await slack?.close();
    await discord?.close();
    slack = undefined;
    discord = undefined;
  });

  it('is refused by the Slack endpoint with 400, and the same process answers the next command', async () => {
    slack = await FaultyWorld.start('sqlite');
    await slack.setUp();
    const statuses = [
      await postSigned(slack.eventsUrl, 'payload=null'),
      await postSigned(slack.eventsUrl, 'payload=%7Bnot%20json'),
      await postSigned(slack.eventsUrl, 'payload=%5B1%2C2%5D'),
      await postSigned(slack.eventsUrl, 'null', 'application/json'),
    ];
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(slack.memory.messages().filter((m) => m === 'refused a malformed Slack request')).toHaveLength(4);
    const next = await slack.slash('invite after@x.com');
    expect(next.reply).toContain('Invited 1');
  });

  it('is ignored by the Discord adapter with a log line, and the same process answers the next command', async () => {
    discord = await startWorld();
    await setUpAcme(discord);
    const base = { id: '1300000000000000001', application_id: discord.fake.applicationId, token: 'tok', version: 1 };
    discord.fake.gateway.dispatch('INTERACTION_CREATE', { ...base, type: 2, data: { name: 'members', type: 1 } });
    discord.fake.gateway.dispatch('INTERACTION_CREATE', {
      ...base,
      type: 2,
      user: { id: owner.id, username: owner.username, discriminator: '0' },
    });
    const answer = await discord.run(inGuild(owner), 'list');
    expect(answer.content).toContain('owner@x.com');
  });
});
