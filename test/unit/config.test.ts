import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { parseDuration } from '../../src/duration.ts';

describe('configuration', () => {
  it('defaults to the embedded database, 48 hours, 100 members and every minute', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'sqlite:./data/rollcall.db',
      port: 3000,
      inviteTtlMs: 48 * 3_600_000,
      orgMaxMembers: 100,
      expiryCron: '* * * * *',
      slack: undefined,
      discord: undefined,
    });
  });

  it.each([
    ['INVITE_TTL', { INVITE_TTL: 'soon' }],
    ['ORG_MAX_MEMBERS', { ORG_MAX_MEMBERS: 'abc' }],
    ['EXPIRY_CRON', { EXPIRY_CRON: 'every minute' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['PORT', { PORT: '70000' }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-secret-value' }],
    ['DISCORD_APPLICATION_ID', { DISCORD_TOKEN: 'discord-secret-value' }],
  ])('a bad %s stops with one line naming it', (variable, env) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/secret-value/);
  });

  it('accepts node-cron’s optional seconds field and the Slack and Discord sections', () => {
    const config = loadConfig({
      EXPIRY_CRON: '*/30 * * * * *',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:8080/api/',
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '42',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: undefined,
      apiUrl: 'http://127.0.0.1:8080/api/',
    });
    expect(config.discord).toEqual({ token: 't', applicationId: '42', apiUrl: undefined });
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['48h', 172_800_000],
    ['2d', 172_800_000],
  ])('%s is %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms));

  it.each(['', '0h', '5', 'h', '1.5h', '-1d', '3w'])('%j is refused', (input) =>
    expect(parseDuration(input)).toBeUndefined(),
  );
});
