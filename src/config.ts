import cron from 'node-cron';
import { z } from 'zod';
import { parseDuration } from './duration.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default('sqlite:./data/rollcall.db')
      .refine((url) => /^sqlite:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url), {
        message: 'must be sqlite:<path> or postgres://…',
      }),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    INVITE_TTL: z
      .string()
      .default('48h')
      .transform((value, ctx) => {
        const ms = parseDuration(value);
        if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'must be a duration like 48h, 90s, 15m or 2d' });
        return ms ?? 0;
      }),
    ORG_MAX_MEMBERS: z.coerce.number().int().min(1).max(100_000).default(100),
    EXPIRY_CRON: z
      .string()
      .default('* * * * *')
      .refine((expression) => cron.validate(expression), { message: 'must be a cron expression like "* * * * *"' }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: z.string().trim().url().optional(),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText,
    DISCORD_API_URL: z.string().trim().url().optional(),
    SMTP_URL: optionalText.refine((url) => url === undefined || /^smtps?:\/\/[^/]+/.test(url), {
      message: 'must be smtp://user:pass@host:port or smtps://user:pass@host:port',
    }),
    MAIL_FROM: optionalText,
    PUBLIC_URL: optionalText.refine((url) => url === undefined || /^https?:\/\/[^/]+/.test(url), {
      message: 'must be the http(s):// address people reach this server at, like https://rollcall.example.com',
    }),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (env.SMTP_URL && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'is required with SMTP_URL: invitation emails link to PUBLIC_URL/invitations/<code>',
      });
    }
    if (Boolean(env.DISCORD_TOKEN) !== Boolean(env.DISCORD_APPLICATION_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.DISCORD_TOKEN ? 'DISCORD_APPLICATION_ID' : 'DISCORD_TOKEN'],
        message: 'DISCORD_TOKEN and DISCORD_APPLICATION_ID go together',
      });
    }
  });

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  readonly apiUrl: string | undefined;
}

export interface EmailConfig {
  readonly smtpUrl: string;
  readonly from: string;
  readonly publicUrl: string;
}

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly inviteTtlMs: number;
  readonly orgMaxMembers: number;
  readonly expiryCron: string;
  readonly logLevel: string;
  readonly slack: SlackConfig | undefined;
  readonly discord: DiscordConfig | undefined;
  /** Email and the invitation pages; off without SMTP_URL (SPEC §8). */
  readonly email: EmailConfig | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    inviteTtlMs: e.INVITE_TTL,
    orgMaxMembers: e.ORG_MAX_MEMBERS,
    expiryCron: e.EXPIRY_CRON,
    logLevel: e.LOG_LEVEL,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
        }
      : undefined,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL }
        : undefined,
    email:
      e.SMTP_URL && e.PUBLIC_URL
        ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Rollcall <rollcall@localhost>', publicUrl: e.PUBLIC_URL }
        : undefined,
  };
}
