import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/connect.ts';
import { GUILD, inGuild, NOTIFICATIONS, owner } from '../discord/harness.ts';
import type { BotProcess } from '../ops/bot-process.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { availableDialects } from '../support/stores.ts';
import { discordKeyPair } from './discord-http-world.ts';
import { callbacksPerToken, freshDatabase, killHard, logged, portOf, startDiscordBot } from './discord-processes.ts';

const dialects = await availableDialects();
const INVITES = 12;

/** Setup, channel, then INVITES invitations sent at once; returns every interaction's token. */
async function driveAcme(fake: FakeDiscord, prefix: string): Promise<string[]> {
  const setupToken = fake.sendCommand(inGuild(owner, { manageServer: true }), 'setup', {
    name: 'Acme',
    email: 'owner@x.com',
  });
  expect((await fake.answerTo(setupToken)).content).toContain('**Acme** is set up');
  const channelToken = fake.sendCommand(inGuild(owner), 'channel', { channel: { channel: NOTIFICATIONS } });
  expect((await fake.answerTo(channelToken)).content).toContain(`<#${NOTIFICATIONS}>`);
  const tokens = Array.from({ length: INVITES }, (_, i) =>
    fake.sendCommand(inGuild(owner), 'invite', { emails: `${prefix}${i}@x.com` }),
  );
  const answers = await Promise.all(tokens.map((token) => fake.answerTo(token)));
  for (const [i, answer] of answers.entries()) expect(answer.content).toContain(`\`${prefix}${i}@x.com\``);
  return [setupToken, channelToken, ...tokens];
}

/** SPEC §2's invariants, read from the shared database: one organization, its owner, each invitation once. */
async function checkInvariants(databaseUrl: string, emails: readonly string[]): Promise<void> {
  const store = await openStore(databaseUrl);
  try {
    const orgs = await store.db.selectFrom('organizations').select(['id', 'member_limit']).execute();
    expect(orgs).toHaveLength(1);
    const bindings = await store.db.selectFrom('bindings').select('workspace_id').execute();
    expect(bindings.map((b) => b.workspace_id)).toEqual([GUILD]);
    const members = await store.db.selectFrom('memberships').select(['email', 'role']).execute();
    expect(members).toEqual([{ email: 'owner@x.com', role: 'owner' }]);
    const invitations = await store.db.selectFrom('invitations').select(['email', 'state']).execute();
    expect(invitations.map((i) => i.email).sort()).toEqual([...emails].sort());
    expect(invitations.every((i) => i.state === 'pending')).toBe(true);
    expect(members.length + invitations.length).toBeLessThanOrEqual(orgs[0]?.member_limit ?? 0);
  } finally {
    await store.close();
  }
}

/** Each interaction answered exactly once: one first response per token, none left unanswered. */
function expectEachHandledOnce(fake: FakeDiscord, tokens: readonly string[]): void {
  const counts = callbacksPerToken(fake.calls);
  expect(tokens.map((token) => counts.get(token) ?? 0)).toEqual(tokens.map(() => 1));
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

describe.runIf(dialects.includes('postgres'))(
  'two bot processes on one PostgreSQL database',
  { timeout: 300_000 },
  () => {
    let fake: FakeDiscord | undefined;
    let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    const bots: BotProcess[] = [];
    afterEach(async () => {
      await Promise.all(bots.splice(0).map(killHard));
      await fake?.close();
      await database?.drop();
      fake = undefined;
      database = undefined;
    });

    it('over HTTP (gateway off): interactions sent round-robin to both are each handled once', async () => {
      fake = await FakeDiscord.start();
      database = await freshDatabase();
      const { privateKey, publicKeyHex } = discordKeyPair();
      const env = { DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_GATEWAY: 'off' };
      // The first migrates the new database; the second starts on a migrated one.
      const first = startDiscordBot(fake, database.url, env);
      bots.push(first);
      const firstPort = await portOf(first);
      const second = startDiscordBot(fake, database.url, env);
      bots.push(second);
      const urls = [firstPort, await portOf(second)].map((port) => `http://127.0.0.1:${port}/discord/interactions`);
      fake.sendOverHttp(urls, privateKey);

      const tokens = await driveAcme(fake, 'h');

      expectEachHandledOnce(fake, tokens);
      const served = () =>
        urls.map((url) => fake?.httpDeliveries.filter((d) => d.url === url && d.status === 200).length);
      await expect.poll(served).toEqual([tokens.length / 2, tokens.length / 2]);
      expect(fake.gateway.log.identifies).toEqual([]);
      await checkInvariants(
        database.url,
        Array.from({ length: INVITES }, (_, i) => `h${i}@x.com`),
      );
    });

    it('over the gateway: exactly one holds it, each interaction is handled once, and kill -9 hands it over', async () => {
      fake = await FakeDiscord.start();
      database = await freshDatabase();
      const first = startDiscordBot(fake, database.url);
      bots.push(first);
      await logged(first, 'holding the Discord gateway');
      await logged(first, 'connected to the Discord gateway');
      const second = startDiscordBot(fake, database.url);
      bots.push(second);
      await logged(second, 'another process holds the Discord gateway; standing by');
      // The one standing by is ready: it serves HTTP and delivers.
      const secondUrl = `http://127.0.0.1:${await portOf(second)}`;
      // (Polled: on a loaded machine the database probe's one second can run out.)
      await expect.poll(async () => (await fetch(`${secondUrl}/healthz`)).status, { timeout: 10_000 }).toBe(200);
      const metrics = await (await fetch(`${secondUrl}/metrics`)).text();
      expect(metrics).toContain('rollcall_discord_gateway_leader 0');
      expect(fake.gateway.sessions).toBe(1);
      expect(fake.gateway.log.identifies).toHaveLength(1);

      const tokens = await driveAcme(fake, 'g');
      expectEachHandledOnce(fake, tokens);

      const killed = performance.now();
      await killHard(first);
      await expect.poll(() => fake?.gateway.log.identifies.length, { timeout: 10_000, interval: 20 }).toBe(2);
      await expect.poll(() => fake?.gateway.sessions, { interval: 20 }).toBe(1);
      const handoverMs = performance.now() - killed;
      await logged(second, 'connected to the Discord gateway');
      expect(handoverMs).toBeLessThan(10_000); // 2 s between tries, then a login

      const after = fake.sendCommand(inGuild(owner), 'invite', { emails: 'after@x.com' });
      expect((await fake.answerTo(after)).content).toContain('`after@x.com`');
      expectEachHandledOnce(fake, [...tokens, after]);
      await checkInvariants(database.url, [...Array.from({ length: INVITES }, (_, i) => `g${i}@x.com`), 'after@x.com']);
      console.info(
        `gateway handover: the standing-by process identified ${handoverMs.toFixed(0)} ms after kill -9 of the holder`,
      );
      const secondMetrics = await (await fetch(`${secondUrl}/metrics`)).text();
      expect(secondMetrics).toContain('rollcall_discord_gateway_leader 1');
    });
  },
);
