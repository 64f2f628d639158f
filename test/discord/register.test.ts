import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../adapters/discord/index.ts';
import { runDiscordRegister } from '../../src/cli/discord-register.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { GUILD } from './harness.ts';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('registering /members with Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  const config = () => ({ token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl });
  const puts = () => fake.calls.filter((c) => c.method === 'PUT');

  it('overwrites the global commands in bulk with the /members definition', async () => {
    const result = await registerDiscordCommands(config());
    expect(result).toEqual({ scope: 'global', names: ['members'] });
    const [put] = puts();
    expect(put?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    expect(put?.body).toMatchSnapshot();
  });

  it('registers for one server with the same body', async () => {
    await registerDiscordCommands(config());
    await registerDiscordCommands(config(), { guildId: GUILD });
    const [global, guild] = puts();
    expect(guild?.path).toBe(`/applications/${fake.applicationId}/guilds/${GUILD}/commands`);
    expect(guild?.body).toEqual(global?.body);
  });

  it('is idempotent: registering twice sends the same overwrite, never an added command', async () => {
    await registerDiscordCommands(config());
    await registerDiscordCommands(config());
    const [first, second] = puts();
    expect(second?.body).toEqual(first?.body);
    expect(fake.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('the CLI registers for a guild from the environment and says where', async () => {
    const out = sink();
    const err = sink();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const code = await runDiscordRegister(['--guild', GUILD], env, { stdout: out.stream, stderr: err.stream });
    expect(err.text()).toBe('');
    expect(out.text()).toBe(`Registered /members for server ${GUILD}.\n`);
    expect(code).toBe(0);
    expect(puts()[0]?.path).toBe(`/applications/${fake.applicationId}/guilds/${GUILD}/commands`);
  });

  it('the CLI refuses a malformed guild id and missing credentials without calling Discord', async () => {
    const err = sink();
    const io = { stdout: sink().stream, stderr: err.stream };
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    expect(await runDiscordRegister(['--guild', 'general'], env, io)).toBe(2);
    expect(await runDiscordRegister([], {}, io)).toBe(2);
    expect(err.text()).toContain('--guild must be a server id');
    expect(err.text()).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required');
    expect(fake.calls).toEqual([]);
  });

  it('the CLI reports a refused token in one line', async () => {
    const err = sink();
    const env = { DISCORD_TOKEN: 'wrong', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const code = await runDiscordRegister([], env, { stdout: sink().stream, stderr: err.stream });
    expect(code).toBe(1);
    expect(err.text()).toBe('Discord refused the registration (HTTP 401, code 0): 401: Unauthorized\n');
  });
});
