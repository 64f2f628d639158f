/**
 * One bot process for the multi-process test: opens the given PostgreSQL schema, waits for `go` on
 * stdin so that every process starts together, then runs the sweep and the delivery loop as the cron
 * job would (expiries, reminders, membership ends and notices), printing one JSON line per delivery and a final summary.
 * Usage: npx tsx test/support/core-worker.ts <schema> <now>
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Notifier } from '../../src/core/index.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { endMemberships } from '../../src/jobs/end-memberships.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { sendReminders } from '../../src/jobs/send-reminders.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/connect.ts';
import { PG_URL } from './stores.ts';

const [schema, nowArg] = process.argv.slice(2);
if (schema === undefined || nowArg === undefined) throw new Error('usage: core-worker.ts <schema> <now>');
const now = Number(nowArg);

const store = await openStore(PG_URL, { pgSchema: schema, poolSize: 4 });
const notifier: Notifier = {
  platform: 'console',
  async deliver(notification) {
    // Yield between deliveries so the other process gets to claim rows meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    process.stdout.write(`${JSON.stringify({ delivered: notification.id })}\n`);
    return { status: 'delivered' };
  },
};

const input = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await once(input, 'line');
input.close();

let expired = 0;
let reminded = 0;
let ended = 0;
let noticed = 0;
for (let round = 0; round < 3; round += 1) {
  expired += await expireInvitations(store, now);
  reminded += await sendReminders(store, now);
  const terms = await endMemberships(store, now);
  ended += terms.ended;
  noticed += terms.noticed;
  await dispatchNotifications({ store, clock: () => now, notifiers: [notifier], log: createLogger('silent') });
}
process.stdout.write(`${JSON.stringify({ expired, reminded, ended, noticed })}\n`);
await store.close();
