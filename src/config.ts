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
const fields = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:./data/rollcall.db')
    .refine((url) => /^sqlite:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url)),
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

type Variable = keyof typeof fields.shape;

/** What each variable accepts and an example: a new variable does not compile until it has both. */
const WORDING: Readonly<Record<Variable, { readonly accepts: string; readonly example: string }>> = {
  DATABASE_URL: {
    accepts: 'sqlite:<path> or postgres://user@host:port/database',
    example: 'sqlite:./data/rollcall.db',
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

/** Distribution: Bolt's OAuth flow installs Rollcall in any number of workspaces. */
export interface SlackOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
}

export interface SlackConfig {
  /** Single-workspace mode; undefined in distribution mode, where each workspace's token is stored. */
  readonly botToken: string | undefined;
  readonly oauth?: SlackOAuthConfig | undefined;
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  readonly apiUrl: string | undefined;
  /** Hex Ed25519 key: POST /discord/interactions is served when set. */
  readonly publicKey?: string | undefined;
  /** false (DISCORD_GATEWAY=off): no gateway login at all, interactions arrive over HTTP only. */
  readonly gateway?: boolean;
}

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  /** PORT was set: a console session then serves /healthz and /metrics too (it listens only when asked). */
  readonly portIsSet: boolean;
  readonly host: string;
  readonly inviteTtlMs: number;
  readonly orgMaxMembers: number;
  /** How long delivered notifications are kept before the sweep deletes them. */
  readonly outboxRetentionMs: number;
  readonly expiryCron: string;
  readonly logLevel: string;
  readonly slack: SlackConfig | undefined;
  readonly discord: DiscordConfig | undefined;
  /** ROLLCALL_SECRET_KEY: encrypts the bot tokens the Slack installation store keeps. */
  readonly secretKey?: string | undefined;
  /** Email and the invitation pages; off without SMTP_URL (SPEC §8). */
  readonly email: EmailConfig | undefined;
}

export interface EmailConfig {
  readonly smtpUrl: string;
  readonly from: string;
  readonly publicUrl: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The one line an operator reads: the variable, what it accepts, an example. Never the value: it may be a secret. */
function misconfigured(variable: Variable, accepts = WORDING[variable].accepts): ConfigError {
  return new ConfigError(
    `Invalid configuration: ${variable} must be ${accepts}, e.g. ${variable}=${WORDING[variable].example}`,
  );
}

function isVariable(key: unknown): key is Variable {
  return typeof key === 'string' && Object.hasOwn(WORDING, key);
}

/** `PORT=` in a compose file or a .env template means "not set", as it does for the tokens. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => isVariable(entry[0]) && entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}

type Parsed = z.infer<typeof fields>;

/** SLACK_CLIENT_ID turns on distribution; it needs its secrets, HTTP mode, and no single bot token. */
function slackOAuth(e: Parsed): SlackOAuthConfig | undefined {
  if (!e.SLACK_CLIENT_ID) return undefined;
  const needs = (variable: Variable) =>
    misconfigured(variable, `set with SLACK_CLIENT_ID (Slack distribution): ${WORDING[variable].accepts}`);
  if (!e.SLACK_CLIENT_SECRET) throw needs('SLACK_CLIENT_SECRET');
  if (!e.SLACK_STATE_SECRET) throw needs('SLACK_STATE_SECRET');
  if (!e.SLACK_SIGNING_SECRET) throw needs('SLACK_SIGNING_SECRET');
  if (e.SLACK_BOT_TOKEN) {
    throw misconfigured(
      'SLACK_BOT_TOKEN',
      'left unset with SLACK_CLIENT_ID: each workspace gets its own token when it installs Rollcall',
    );
  }
  return { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET };
}

/** Validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = fields.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.path[0];
    throw isVariable(key) ? misconfigured(key) : new ConfigError('Invalid configuration');
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw misconfigured(
      'SLACK_SIGNING_SECRET',
      `set with SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for Socket Mode): ${WORDING.SLACK_SIGNING_SECRET.accepts}`,
    );
  }
  const oauth = slackOAuth(e);
  if (Boolean(e.DISCORD_TOKEN) !== Boolean(e.DISCORD_APPLICATION_ID)) {
    const [missing, given] = e.DISCORD_TOKEN
      ? (['DISCORD_APPLICATION_ID', 'DISCORD_TOKEN'] as const)
      : (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const);
    throw misconfigured(missing, `set together with ${given}: ${WORDING[missing].accepts}`);
  }
  if (e.SMTP_URL && !e.PUBLIC_URL)
    throw misconfigured('PUBLIC_URL', `set with SMTP_URL: ${WORDING.PUBLIC_URL.accepts}`);
  if (e.DISCORD_GATEWAY === 'off' && !e.DISCORD_PUBLIC_KEY) {
    throw misconfigured(
      'DISCORD_PUBLIC_KEY',
      `set when DISCORD_GATEWAY=off, or no interaction reaches Rollcall: ${WORDING.DISCORD_PUBLIC_KEY.accepts}`,
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    portIsSet: (env.PORT ?? '').trim() !== '',
    host: e.HOST,
    inviteTtlMs: e.INVITE_TTL,
    orgMaxMembers: e.ORG_MAX_MEMBERS,
    outboxRetentionMs: e.OUTBOX_RETENTION,
    expiryCron: e.EXPIRY_CRON,
    logLevel: e.LOG_LEVEL,
    slack:
      e.SLACK_BOT_TOKEN || oauth
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            ...(oauth ? { oauth } : {}),
          }
        : undefined,
    ...(e.ROLLCALL_SECRET_KEY ? { secretKey: e.ROLLCALL_SECRET_KEY } : {}),
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            apiUrl: e.DISCORD_API_URL,
            publicKey: e.DISCORD_PUBLIC_KEY,
            // Present only when off, so a gateway-only configuration reads as it always did.
            ...(e.DISCORD_GATEWAY === 'off' ? { gateway: false } : {}),
          }
        : undefined,
    email:
      e.SMTP_URL && e.PUBLIC_URL
        ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Rollcall <rollcall@localhost>', publicUrl: e.PUBLIC_URL }
        : undefined,
  };
}
