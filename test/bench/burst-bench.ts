import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createMembershipCore, type Notifier, systemClock } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createDeliveryLoop } from '../../src/jobs/delivery-loop.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { migrateToLatest, openStore } from '../../src/store/connect.ts';
import { testSettings } from '../support/core-build.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint, SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import type { Figure } from './measure.ts';

const ROUNDS = 3;
/**
 * Each invite command opens a live card, one channel message, and Slack paces a channel at about a
 * post a second: the drain is ~BURST seconds whatever the bot does, so the burst is kept to 100.
 */
const BURST = 100;
/** Commands in flight at once during the burst, as a busy workspace would send them. */
const CONCURRENCY = 50;
const CHANNEL = 'C0BURST';

/**
 * One round: the bot as the runtime assembles it (post-commit hook kicking the delivery loop) on a
 * fresh SQLite file, a burst of invitations through the signed HTTP endpoint, and the time from the
 * burst's last answer to the last channel notice Slack accepted.
 */
async function burstRound(): Promise<{ burstMs: number; drainMs: number }> {
  const fake = await FakeSlack.start();
  fake.addUser({ id: 'UOWNER', email: 'owner@bench.test', isAdmin: true });
  const store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-burst-')), 'bench.db')}`);
  await migrateToLatest(store);
  const log = createLogger('silent');
  const metrics = createMetrics();
  const notifiers: Notifier[] = [];
  const delivery = createDeliveryLoop({ store, clock: systemClock, notifiers, log, metrics });
  const core = createMembershipCore({
    store,
    clock: systemClock,
    settings: testSettings({ orgMaxMembers: BURST + 10 }),
    afterCommit: () => delivery.kick(),
  });
  const config = { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.apiUrl };
  const adapter = createSlackAdapter({ core, config, log, metrics, clock: systemClock });
  notifiers.push(adapter.notifier);
  await adapter.start();
  const server = createHttpServer({ metrics, slack: adapter.requestListener });
  const url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/slack/events`;
  // A command counts as answered when its reply is in hand (in the acknowledgement or at response_url),
  // not at its acknowledgement: one acknowledged empty at 1.5 s may not have committed yet.
  const command = async (text: string) => {
    const responseUrl = fake.responseUrl();
    await postToSlackEndpoint(url, slashCommandForm('UOWNER', text, responseUrl));
    await fake.waitForResponse(responseUrl);
  };
  await command('setup Burst');
  await command(`channel <#${CHANNEL}|burst>`);
  await delivery.flush();

  // Notices are batched, several to a channel post (SPEC §6): the outbox, not the posts, says when all are out.
  const settled = async (state: 'pending' | 'undeliverable') =>
    Number(
      (
        await store.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('state', '=', state)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const start = performance.now();
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < BURST; i = next++) await command(`invite burst${i}@bench.test`);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  const burstEnd = performance.now();
  while ((await settled('pending')) > 0) {
    if (performance.now() - burstEnd > 300_000) throw new Error(`notices still pending after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if ((await settled('undeliverable')) > 0) throw new Error('some notices were undeliverable');
  const drainMs = performance.now() - burstEnd;

  await delivery.stop();
  await close(server);
  await adapter.stop();
  // A burst meets Slack's pace on purpose (lookups over Tier 3, posts over one a second): the outbox
  // retried those posts and every notice was delivered, which is what this round checks.
  fake.limits.takeRefusals();
  await fake.close();
  await store.close();
  return { burstMs: burstEnd - start, drainMs };
}

export async function runBurstBench(): Promise<Figure[]> {
  const rounds: Array<{ burstMs: number; drainMs: number }> = [];
  for (let round = 0; round < ROUNDS; round += 1) rounds.push(await burstRound());
  return [
    {
      name: `burst: ${BURST} invitations over signed HTTP, ${CONCURRENCY} in flight, first request → last answer`,
      unit: 's',
      rounds: rounds.map((r) => r.burstMs / 1000),
      target: {},
    },
    {
      name: 'burst: its last answer → last channel notice delivered (SQLite, fake Slack at one post a second)',
      unit: 's',
      rounds: rounds.map((r) => r.drainMs / 1000),
      target: {},
    },
  ];
}
