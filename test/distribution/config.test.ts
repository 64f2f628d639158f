import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSecretBox } from '../../src/secret-box.ts';

const DISCORD = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '42' };
const KEY = 'ab'.repeat(32);

describe('distribution configuration', () => {
  it('reads DISCORD_PUBLIC_KEY and DISCORD_GATEWAY=off', () => {
    const config = loadConfig({ ...DISCORD, DISCORD_PUBLIC_KEY: KEY, DISCORD_GATEWAY: 'off' });
    expect(config.discord).toMatchObject({ publicKey: KEY, gateway: false });
  });

  it('refuses DISCORD_GATEWAY=off without a public key, and a key that is not 64 hex digits', () => {
    expect(() => loadConfig({ ...DISCORD, DISCORD_GATEWAY: 'off' })).toThrow(
      /^Invalid configuration: DISCORD_PUBLIC_KEY must be set when DISCORD_GATEWAY=off/,
    );
    expect(() => loadConfig({ ...DISCORD, DISCORD_PUBLIC_KEY: 'xyz' })).toThrow(/DISCORD_PUBLIC_KEY must be/);
    expect(() => loadConfig({ ...DISCORD, DISCORD_GATEWAY: 'maybe' })).toThrow(/DISCORD_GATEWAY must be on or off/);
  });
});

describe('Slack distribution configuration and secrets at rest', () => {
  const OAUTH = {
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 's',
    SLACK_STATE_SECRET: 'state-secret-0123456789',
    SLACK_SIGNING_SECRET: 'sig',
  };

  it('turns on distribution with SLACK_CLIENT_ID and its secrets, without a bot token', () => {
    const config = loadConfig({ ...OAUTH, ROLLCALL_SECRET_KEY: 'k'.repeat(32) });
    expect(config.slack?.botToken).toBeUndefined();
    expect(config.slack?.oauth).toEqual({ clientId: '1.2', clientSecret: 's', stateSecret: OAUTH.SLACK_STATE_SECRET });
    expect(config.secretKey).toBe('k'.repeat(32));
  });

  it('names what is missing or contradictory', () => {
    expect(() => loadConfig({ ...OAUTH, SLACK_CLIENT_SECRET: '' })).toThrow(
      /SLACK_CLIENT_SECRET must be set with SLACK_CLIENT_ID/,
    );
    expect(() => loadConfig({ ...OAUTH, SLACK_STATE_SECRET: 'short' })).toThrow(/SLACK_STATE_SECRET must be/);
    expect(() => loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_BOT_TOKEN must be left unset/);
  });

  it('seals tokens with AES-GCM so only the same key opens them', () => {
    const box = createSecretBox('a-key-of-enough-length');
    const sealed = box.seal('xoxb-secret');
    expect(sealed).not.toContain('xoxb');
    expect(box.open(sealed)).toBe('xoxb-secret');
    expect(() => createSecretBox('another-key-entirely').open(sealed)).toThrow();
    expect(() => createSecretBox(undefined).open(sealed)).toThrow(/ROLLCALL_SECRET_KEY/);
    expect(createSecretBox(undefined).seal('xoxb-plain')).toBe('xoxb-plain');
  });
});
