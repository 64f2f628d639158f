import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that may hold a secret in any object we log; pino replaces them before writing. */
const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.code',
  '*.authorization',
  '*.headers.authorization',
  'config.slackBotToken',
  'config.slackSigningSecret',
  'config.slackAppToken',
  'config.discordToken',
  'config.databaseUrl',
  'config.email.smtpUrl',
  '*.smtpUrl',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
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
