import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alice, inDm, inGuild, NOTIFICATIONS, owner } from '../discord/harness.ts';
import { setUpAcme } from '../discord/steps.ts';
import { buttonsOf, FakeDiscord } from '../support/fake-discord.ts';
import { postSigned, signatureHeaders } from '../support/fake-discord-http.ts';
import { discordKeyPair, type HttpDiscordWorld, startHttpWorld } from './discord-http-world.ts';

const PING = JSON.stringify({ id: '1', application_id: '1', type: 1, token: 'ping', version: 1 });

describe('Discord interactions over HTTP (DISCORD_PUBLIC_KEY, DISCORD_GATEWAY=off)', () => {
  let world: HttpDiscordWorld;
  beforeEach(async () => {
    world = await startHttpWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('answers a signed PING with PONG', async () => {
    const answer = await postSigned(world.url, PING, signatureHeaders(world.privateKey, PING));
    expect(answer).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses a bad, missing or foreign signature with 401', async () => {
    const signed = signatureHeaders(world.privateKey, PING);
    const tampered = PING.replace('"ping"', '"pong"');
    expect((await postSigned(world.url, tampered, signed)).status).toBe(401);
    expect((await postSigned(world.url, PING, {})).status).toBe(401);
    const stranger = discordKeyPair().privateKey;
    expect((await postSigned(world.url, PING, signatureHeaders(stranger, PING))).status).toBe(401);
    const otherTime = { ...signed, 'x-signature-timestamp': String(Number(signed['x-signature-timestamp']) + 1) };
    expect((await postSigned(world.url, PING, otherTime)).status).toBe(401);
  });

  it('runs the admin scenario over HTTP only: setup, invite, accept, confirm remove; no gateway connection', async () => {
    const { fake } = world;
    await setUpAcme(world);
    const invited = await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com', user: { user: alice } });
    expect(invited.content).toContain('`alice@x.com` as Organization Member');
    expect(FakeDiscord.isEphemeral(invited)).toBe(true);

    await world.deliver();
    const [offer] = fake.dmsTo(alice.id);
    if (!offer) throw new Error('no offer');
    const accepted = await world.click(inDm(fake, alice), offer, 'Accept');
    expect(accepted.via).toBe('edit');
    expect(accepted.content).toContain('you joined as Organization Member (`alice@x.com`)');

    const suggested = await fake.answerTo(fake.sendAutocomplete(inGuild(owner), 'remove', 'email', 'al'));
    expect(suggested.choices).toEqual([{ name: 'alice@x.com', value: 'alice@x.com' }]);

    const asked = await world.run(inGuild(owner), 'remove', { email: 'alice@x.com' });
    const confirmation = asked.message;
    if (!confirmation) throw new Error('the confirmation is not a message');
    expect(buttonsOf(confirmation).map((b) => b.label)).toContain('Remove member');
    const removed = await world.click(inGuild(owner), confirmation, 'Remove member');
    expect(removed.via).toBe('edit');
    expect(confirmation.content).toContain('Removed `alice@x.com` from the organization.');
    expect(buttonsOf(confirmation).map((b) => b.label)).toEqual(['Undo']);

    await world.deliver();
    expect(fake.messages.inChannel(NOTIFICATIONS).at(-1)?.content).toBe(
      '`owner@x.com` removed `alice@x.com` from **Acme**.',
    );
    // Every first response was the HTTP answer, deferred for commands; none went to the callback route.
    const overRest = fake.calls.filter((c) => c.path.endsWith('/callback') && c.authorization !== undefined);
    expect(overRest).toEqual([]);
    expect(fake.gateway.log.identifies).toEqual([]);
    expect(fake.gateway.log.connections).toEqual([]);
    expect(fake.httpDeliveries.every((d) => d.status === 200)).toBe(true);
  });
});
