import pino from 'pino';
import { loadConfig } from '../config.ts';
import { systemClock } from '../core/index.ts';
import { dispatchNotifications } from '../jobs/dispatch-notifications.ts';
import { expireInvitations } from '../jobs/expire-invitations.ts';
import { createLogger } from '../log.ts';
import { migrateToLatest } from '../store/connect.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_OK, println } from './cli-io.ts';
import { withStore } from './open-store.ts';
import { sweepNotifiers } from './sweep-notifiers.ts';

/** `rollcall migrate`: brings DATABASE_URL to the latest schema and names what it applied. */
export async function migrateCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  readArgs(argv, 'Usage: rollcall migrate', 0, {});
  const config = loadConfig(env);
  const applied = await withStore(config, migrateToLatest, { migrate: false });
  if (applied.length === 0) println(io.stdout, 'Already up to date.');
  for (const name of applied) println(io.stdout, `Applied ${name}`);
  return EXIT_OK;
}

/** `rollcall sweep`: what the scheduled job does, once, now: expire due invitations, deliver the outbox. */
export async function sweepCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  readArgs(argv, 'Usage: rollcall sweep', 0, {});
  const config = loadConfig(env);
  // Logs go to stderr: stdout carries console notifications and the summary.
  const log = createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));
  const clock = systemClock;
  const { expired, report } = await withStore(config, async (store) => {
    const expired = await expireInvitations(store, clock());
    const delivery = sweepNotifiers(config, { output: io.stdout, log, clock, store });
    try {
      return { expired, report: await dispatchNotifications({ store, clock, notifiers: delivery.notifiers, log }) };
    } finally {
      delivery.close();
    }
  });
  println(
    io.stdout,
    `Expired ${expired} invitation(s). Notifications: ${report.delivered} delivered, ` +
      `${report.retried} to retry, ${report.undeliverable} undeliverable.`,
  );
  return EXIT_OK;
}
