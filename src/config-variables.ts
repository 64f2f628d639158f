/**
 * Every environment variable Rollcall reads: its rule (zod checks) and its wording (what an operator
 * reads when it is wrong). src/config.ts turns the checked values into a Config.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { parseDuration } from './duration.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)).default(fallback);

/** A duration such as `48h` or `2d12h`, in milliseconds, between `min` and `max` milliseconds. */
const durationMs = (fallback: string, min: number, max: number) =>
  z
    .string()
    .default(fallback)
    .transform((text) => parseDuration(text) ?? Number.NaN)
    .pipe(z.number().min(min).max(max));

const MINUTE = 60_000;
const YEAR = 365.25 * 24 * 60 * MINUTE;

/** Each variable's rule. Zod checks; the wording below, never zod's, is what an operator reads. */
export const fields = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:./data/rollcall.db')
    .refine((url) => /^sqlite:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url)),
  // Either case reads the same: operators write pragmas in capitals, environment files often not.
  SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['NORMAL', 'FULL']))
    .default('NORMAL'),
  PORT: wholeNumber(0, 65_535, 3000),
  HOST: z
    .string()
    .trim()
    .regex(/^[\w.:%[\]-]+$/)
    .default('0.0.0.0'),
  INVITE_TTL: durationMs('48h', MINUTE, YEAR),
  OUTBOX_RETENTION: durationMs('7d', MINUTE, 10 * YEAR),
  ORG_MAX_MEMBERS: wholeNumber(1, 100_000, 100),
  EXPIRY_CRON: z
    .string()
    .default('* * * * *')
    .refine((expression) => cron.validate(expression)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: z.string().trim().min(16).optional(),
  ROLLCALL_SECRET_KEY: z.string().trim().min(16).optional(),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: optionalText,
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/)
    .optional(),
  DISCORD_GATEWAY: z.enum(['on', 'off']).default('on'),
});

export type Variable = keyof typeof fields.shape;

/** What each variable accepts and an example: a new variable does not compile until it has both. */
export const WORDING: Readonly<Record<Variable, { readonly accepts: string; readonly example: string }>> = {
  DATABASE_URL: {
    accepts: 'sqlite:<path> or postgres://user@host:port/database',
    example: 'sqlite:./data/rollcall.db',
  },
  SQLITE_SYNCHRONOUS: {
    accepts: 'NORMAL (fast; a power loss can undo the last commits) or FULL (every commit synced to disk)',
    example: 'FULL',
  },
  PORT: { accepts: 'a whole number from 0 to 65535', example: '3000' },
  HOST: { accepts: 'an address to listen on, an IP address or a host name', example: '127.0.0.1' },
  INVITE_TTL: { accepts: 'a duration from 1 minute to 1 year, such as 90s, 15m, 1.5h, 2d12h or 1w', example: '48h' },
  OUTBOX_RETENTION: {
    accepts: 'how long delivered notices are kept, a duration from 1 minute to 10 years such as 7d, 36h or 2w',
    example: '7d',
  },
  ORG_MAX_MEMBERS: { accepts: 'a whole number from 1 to 100000', example: '100' },
  EXPIRY_CRON: { accepts: 'a cron expression of 5 fields, or 6 with seconds first', example: '"*/5 * * * *"' },
  LOG_LEVEL: { accepts: 'one of fatal, error, warn, info, debug, trace, silent', example: 'debug' },
  SLACK_BOT_TOKEN: { accepts: "the bot token from your Slack app's OAuth page", example: 'xoxb-…' },
  SLACK_SIGNING_SECRET: { accepts: "the signing secret from your Slack app's Basic Information", example: '8f742…' },
  SLACK_APP_TOKEN: { accepts: 'an app-level token with connections:write, for Socket Mode', example: 'xapp-…' },
  SLACK_API_URL: { accepts: 'an http(s) URL of the Slack Web API', example: 'http://127.0.0.1:8080/api/' },
  SLACK_CLIENT_ID: {
    accepts: "the Client ID from your Slack app's Basic Information",
    example: '1234567890.1234567890',
  },
  SLACK_CLIENT_SECRET: { accepts: "the Client Secret from your Slack app's Basic Information", example: '9f0e…' },
  SLACK_STATE_SECRET: {
    accepts: 'a random string of at least 16 characters, used to sign the OAuth state',
    example: '"$(openssl rand -hex 32)"',
  },
  ROLLCALL_SECRET_KEY: {
    accepts: 'a random string of at least 16 characters; bot tokens in the database are encrypted with it',
    example: '"$(openssl rand -hex 32)"',
  },
  DISCORD_TOKEN: { accepts: "the bot token from your Discord application's Bot page", example: 'MTA…' },
  DISCORD_APPLICATION_ID: { accepts: "your Discord application's id", example: '123456789012345678' },
  DISCORD_API_URL: { accepts: 'an http(s) URL of the Discord REST API', example: 'http://127.0.0.1:8080/api' },
  SMTP_URL: {
    accepts: "your mail provider's SMTP address with its login, smtp:// (STARTTLS) or smtps:// (TLS)",
    example: 'smtps://USER:PASSWORD@email-smtp.us-east-1.amazonaws.com:465',
  },
  MAIL_FROM: {
    accepts: 'the sender of the emails, a name and an address',
    example: '"Rollcall <rollcall@example.com>"',
  },
  PUBLIC_URL: {
    accepts: 'the http(s) address people reach this server at; invitation emails link to it',
    example: 'https://rollcall.example.com',
  },
  DISCORD_PUBLIC_KEY: {
    accepts: "the public key from your Discord application's General Information page, 64 hex digits",
    example: '3b1f…',
  },
  DISCORD_GATEWAY: {
    accepts: 'on or off (off needs DISCORD_PUBLIC_KEY: interactions then come over HTTP)',
    example: 'off',
  },
};
