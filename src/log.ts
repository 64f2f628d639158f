import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Keys that hold a secret in what we log: Config's own (SlackConfig.botToken, signingSecret,
 * appToken; DiscordConfig.token; databaseUrl, which may carry a PostgreSQL password; EmailConfig.smtpUrl, which may carry the SMTP login), the variables
 * they come from, invitation codes and HTTP credentials. Each is censored at the top level and up
 * to two objects deep (`{ config: { slack: { botToken } } }`).
 */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'databaseUrl',
  'password',
  'code',
  'authorization',
  'cookie',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'DATABASE_URL',
  'smtpUrl',
  'SMTP_URL',
  'clientSecret',
  'stateSecret',
  'secretKey',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'ROLLCALL_SECRET_KEY',
];
const REDACT = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The process's logger on stderr: one JSON object a line for collectors, or, when `pretty` (stderr
 * is a terminal), colored lines with the level's name and the local time for a person. pino-pretty
 * runs in this thread (no transport worker) and is loaded only when used.
 */
export async function createProcessLogger(
  level: string,
  pretty: boolean = process.stderr.isTTY === true,
  destination: number | NodeJS.WritableStream = 2,
): Promise<Logger> {
  if (!pretty) {
    return createLogger(level, typeof destination === 'number' ? pino.destination(destination) : destination);
  }
  const { default: prettyStream } = await import('pino-pretty');
  const stream = prettyStream({
    destination,
    sync: true,
    colorize: typeof destination === 'number',
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
  });
  return createLogger(level, stream);
}

/** A short id shown to the user when something unexpected fails; the log has the details. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex');
}

/** The one boundary catch of an adapter: logs with a reference id and returns that id. */
export function logUnexpected(log: Logger, error: unknown, context: Record<string, unknown>): string {
  const ref = newReferenceId();
  log.error({ err: error, ref, ...context }, 'unexpected error');
  return ref;
}
