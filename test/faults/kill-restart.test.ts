import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint } from '../support/fake-slack-signer.ts';
import { type BotProcess, killHard, startBot } from './bot-process.ts';

const QUEUED = 10;

describe('kill -9 with notices queued and one in flight', { timeout: 90_000 }, () => {
  let fake: FakeSlack | undefined;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) await killHard(bot);
    await fake?.close();
  });

  it('the restarted process delivers all ten within 10 s, each once', async () => {
    fake = await FakeSlack.start();
    const slack = fake;
    slack.addUser({ id: 'UOWNER', email: 'owner@x.com', isAdmin: true });
    const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-kill-')), 'rollcall.db')}`;
    bot = await startBot(databaseUrl, slack.apiUrl);
    const command = async (port: number, text: string) => {
      const responseUrl = slack.responseUrl();
      await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, slashCommandForm('UOWNER', text, responseUrl));
      await slack.waitForResponse(responseUrl);
    };
    await command(bot.port, 'setup Acme');
    await command(bot.port, 'channel <#C0ROLL|rollcall>');

    // Slack takes the first post and never answers: it is in flight, the other nine wait behind it.
    slack.failWith({ kind: 'hang', methods: ['chat.postMessage'] });
    for (let i = 0; i < QUEUED; i += 1) await command(bot.port, `invite q${i}@x.com`);
    await expect.poll(() => slack.callsTo('chat.postMessage').length).toBeGreaterThan(0);
    await killHard(bot);
    slack.recover();

    const spawned = performance.now();
    bot = await startBot(databaseUrl, slack.apiUrl);
    // Measured from the moment the new process listens: starting Node and tsx is not Rollcall's doing.
    const restarted = performance.now();
    const emails = Array.from({ length: QUEUED }, (_, i) => `q${i}@x.com`);
    const postsAbout = (email: string) =>
      slack.accepted.filter((c) => c.method === 'chat.postMessage' && String(c.body.text).includes(`*${email}*`))
        .length;
    await expect.poll(() => emails.every((e) => postsAbout(e) >= 1), { timeout: 10_000, interval: 100 }).toBe(true);
    const deliveredMs = performance.now() - restarted;
    expect(deliveredMs).toBeLessThan(10_000);
    const counts = emails.map(postsAbout);
    const lost = counts.filter((n) => n === 0).length;
    const duplicated = counts.filter((n) => n > 1).length;
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    console.info(
      `kill -9: ${QUEUED} queued; the new process listened ${(restarted - spawned).toFixed(0)} ms after its spawn ` +
        `and delivered all ${deliveredMs.toFixed(0)} ms later; lost 0, duplicated 0`,
    );
  });
});
