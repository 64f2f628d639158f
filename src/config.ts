import type { z } from 'zod';
import { fields, type Variable, WORDING } from './config-variables.ts';

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

export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface Config {
  readonly databaseUrl: string;
  /** SQLite only: whether each commit waits for the disk (FULL) or only checkpoints do (NORMAL). */
  readonly sqliteSynchronous: SqliteSynchronous;
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
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
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
