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

  it.each([
    ['1.5h', 5_400_000],
    ['1w', 604_800_000],
    ['2d12h', 216_000_000],
    ['1h30m', 5_400_000],
    ['2 days', 172_800_000],
    [' 3W ', 1_814_400_000],
  ])('compound and fractional %j is %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms));

  it.each(['', '0h', '5', 'h', '-1d', '1h30', '2d 12', 'soon', '3 bananas', '1,5h', '1 5h'])('%j is refused', (input) =>
    expect(parseDuration(input)).toBeUndefined(),
  );
});

describe('configuration errors in plain words', () => {
  const messageFor = (env: NodeJS.ProcessEnv): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it.each([
    [{ ORG_MAX_MEMBERS: 'abc' }, 'ORG_MAX_MEMBERS must be a whole number from 1 to 100000, e.g. ORG_MAX_MEMBERS=100'],
    [{ ORG_MAX_MEMBERS: '0' }, 'ORG_MAX_MEMBERS must be a whole number from 1 to 100000, e.g. ORG_MAX_MEMBERS=100'],
    [{ ORG_MAX_MEMBERS: '2.5' }, 'ORG_MAX_MEMBERS must be a whole number from 1 to 100000, e.g. ORG_MAX_MEMBERS=100'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, e.g. PORT=3000'],
    [
      { INVITE_TTL: '5s' },
      'INVITE_TTL must be a duration from 1 minute to 1 year, such as 90s, 15m, 1.5h, 2d12h or 1w',
    ],
    [{ INVITE_TTL: '2y' }, 'INVITE_TTL must be a duration from 1 minute to 1 year'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, e.g. LOG_LEVEL=debug',
    ],
    [{ HOST: 'two words' }, 'HOST must be an address to listen on, an IP address or a host name, e.g. HOST=127.0.0.1'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be an http(s) URL of the Slack Web API'],
    [{ EXPIRY_CRON: '* * *' }, 'EXPIRY_CRON must be a cron expression of 5 fields, or 6 with seconds first'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET must be set with SLACK_BOT_TOKEN (or SLACK_APP_TOKEN'],
    [{ DISCORD_APPLICATION_ID: '42' }, 'DISCORD_TOKEN must be set together with DISCORD_APPLICATION_ID'],
  ])('%j says what the variable accepts, with an example', (env, wording) => {
    const message = messageFor(env);
    expect(message).toContain(wording);
    expect(message).toMatch(/e\.g\. [A-Z_]+=\S/);
    expect(message).not.toMatch(/Invalid input|expected|received|NaN/);
  });

  it('never repeats the value it refused, which may be a secret', () => {
    expect(messageFor({ DATABASE_URL: 'mysql://root:hunter2@db' })).not.toContain('hunter2');
  });

  it('reads INVITE_TTL as a compound duration and an empty variable as unset', () => {
    const config = loadConfig({ INVITE_TTL: '2d12h', PORT: '', ORG_MAX_MEMBERS: ' ' });
    expect(config).toMatchObject({ inviteTtlMs: 60 * 3_600_000, port: 3000, portIsSet: false, orgMaxMembers: 100 });
  });

  it('listens on every interface unless HOST names one', () => {
    expect(loadConfig({}).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' })).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      portIsSet: true,
    });
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });
});
