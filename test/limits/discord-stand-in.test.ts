import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';

const CHANNEL = '900000000000000010';

const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });

/** Discord's error tree (`errors`), absent from OAuth-shaped errors. */
const errorsOf = (error: DiscordAPIError): unknown => ('errors' in error.rawError ? error.rawError.errors : undefined);

/** The refusal as discord.js's REST client sees it: a DiscordAPIError carrying Discord's body. */
async function refusal(call: Promise<unknown>): Promise<DiscordAPIError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DiscordAPIError) return error;
    throw error;
  }
  throw new Error('Discord accepted what it refuses');
}

describe('the Discord stand-in refuses what Discord refuses', () => {
  let fake: FakeDiscord;
  let rest: REST;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  });
  afterEach(async () => {
    await fake.close();
  });

  const post = (body: unknown) => rest.post(Routes.channelMessages(CHANNEL), { body });

  it('refuses content of 2,001 characters with 50035 Invalid Form Body, and takes 2,000', async () => {
    const error = await refusal(post({ content: 'x'.repeat(2_001) }));
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(error.rawError).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });
    await post({ content: 'x'.repeat(2_000) });
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('refuses six action rows and six buttons in a row', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(button(`b${i}`)));
    expect((await refusal(post({ content: 'hi', components: rows }))).code).toBe(50035);
    const wide = row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)));
    const error = await refusal(post({ content: 'hi', components: [wide] }));
    expect(errorsOf(error)).toEqual({
      components: {
        0: { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' }] } },
      },
    });
    expect(fake.limits.takeRefusals()).toHaveLength(2);
  });

  it('refuses a custom_id of 101 characters and a button label of 81', async () => {
    const long = await refusal(post({ content: 'hi', components: [row(button('c'.repeat(101)))] }));
    expect(JSON.stringify(errorsOf(long))).toContain('custom_id');
    const label = await refusal(post({ content: 'hi', components: [row(button('ok', 'l'.repeat(81)))] }));
    expect(JSON.stringify(errorsOf(label))).toContain('label');
    await post({ content: 'hi', components: [row(button('c'.repeat(100), 'l'.repeat(80)))] });
    expect(fake.limits.takeRefusals()).toHaveLength(2);
  });

  it('refuses 26 autocomplete choices', async () => {
    fake.limits.dispatched('tok-auto');
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `a${i}@x.com`, value: `a${i}@x.com` }));
    const body = { type: 8, data: { choices } };
    const error = await refusal(rest.post(Routes.interactionCallback('1', 'tok-auto'), { body, auth: false }));
    expect(errorsOf(error)).toEqual({
      data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } },
    });
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });

  it('refuses a first response after 3 seconds, and an edit after the token’s 15 minutes', async () => {
    let now = 1_000_000;
    fake.limits.now = () => now;
    fake.limits.dispatched('tok-late');
    now += 3_001;
    const late = await refusal(
      rest.post(Routes.interactionCallback('1', 'tok-late'), { body: { type: 5 }, auth: false }),
    );
    expect([late.status, late.code]).toEqual([404, 10062]);
    now += 15 * 60_000;
    const edit = rest.patch(Routes.webhookMessage(fake.applicationId, 'tok-late'), {
      body: { content: 'hi' },
      auth: false,
    });
    const expired = await refusal(edit);
    expect([expired.status, expired.code]).toEqual([401, 50027]);
    expect(fake.limits.takeRefusals()).toHaveLength(2);
  });

  it('fails the test at close when a refusal went unnoticed', async () => {
    const other = await FakeDiscord.start();
    const client = new REST({ api: other.apiUrl, retries: 0 }).setToken(other.token);
    await refusal(client.post(Routes.channelMessages(CHANNEL), { body: { content: 'x'.repeat(2_001) } }));
    await expect(other.close()).rejects.toThrow(/Discord would have refused 1 request/);
  });

  it('lets a test opt out of exactly one check', async () => {
    fake.allowOversized('content');
    await post({ content: 'x'.repeat(2_001) });
    await refusal(post({ content: 'hi', components: [row(button('c'.repeat(101)))] }));
    expect(fake.limits.takeRefusals()).toHaveLength(1);
  });
});
