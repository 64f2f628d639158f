import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

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
