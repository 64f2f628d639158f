import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { type Caller, type MembershipCore, type Result, systemClock } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { SIGNING_SECRET, signedHeaders } from '../support/fake-slack-signer.ts';
import { median, percentile, type Row } from './measure.ts';

const ROUNDS = 7;
const PER_ROUND = 100;
const TEAM = 'T0001';
const slackCaller = (userId: string, email: string): Caller => ({
  platform: 'slack',
  workspaceId: TEAM,
  userId,
  verifiedEmail: email,
});

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`benchmark step refused: ${result.error.code}`);
  return result.value;
}

/** An organization of exactly 100 Verified members, built through the core as Slack users would. */
async function hundredMembers(core: MembershipCore): Promise<void> {
  const owner = slackCaller('UOWNER', 'owner@bench.test');
  must(await core.setup(owner, { orgName: 'Bench', isPlatformAdmin: true }));
  const emails = Array.from({ length: 99 }, (_, i) => `member${i}@bench.test`);
  const outcome = must(await core.invite(owner, { emails }));
  for (const [i, invited] of outcome.invited.entries())
    must(await core.accept(slackCaller(`UM${i}`, invited.email), { code: invited.code }));
}

async function serve(listener: ReturnType<typeof createSlackAdapter>['requestListener']) {
  const server = createHttpServer({ metrics: createMetrics(), slack: listener });
  return { server, url: `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/slack/events` };
}

/** The baseline: a Bolt app on the same kind of HTTP server that only acknowledges. */
function bareBolt(apiUrl: string): HTTPReceiver['requestListener'] {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET });
  const app = new App({ token: 'xoxb-bench', receiver, clientOptions: { slackApiUrl: apiUrl } });
  app.command('/members', async ({ ack }) => {
    await ack();
  });
  return receiver.requestListener;
}

/** One signed `/members list`: ms until the HTTP acknowledgement, and until the reply reached response_url. */
async function slash(url: string, fake: FakeSlack, waitForReply: boolean): Promise<{ ack: number; full: number }> {
  const responseUrl = fake.responseUrl();
  const body = new URLSearchParams(slashCommandForm('UOWNER', 'list', responseUrl)).toString();
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  const reply = waitForReply
    ? fake.waitForResponse(responseUrl).then((call) => {
        const elapsed = since();
        // A refusal would be cheaper than the roster: make sure the figure is the real list.
        if (!String(call.body.text).includes('100 members'))
          throw new Error(`unexpected reply: ${String(call.body.text)}`);
        return elapsed;
      })
    : undefined;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
    body,
  });
  await response.arrayBuffer();
  const ack = since();
  if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
  return { ack, full: (await reply) ?? ack };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

interface ServerUrls {
  readonly ours: string;
  readonly bare: string;
}

/**
 * The worker side: Rollcall (SQLite, 100 members) and the bare Bolt app, each behind the shared HTTP
 * server. They run in their own thread so the client's clock is not held up by the server's work
 * after it has acknowledged.
 */
async function hostServers(apiUrl: string): Promise<ServerUrls> {
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-slack-bench-'));
  const store: Store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(store);
  const core = buildCore(store, systemClock);
  await hundredMembers(core);
  const config = { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl };
  const log = createLogger('silent');
  const rollcall = createSlackAdapter({ core, config, log, metrics: createMetrics(), clock: systemClock });
  await rollcall.start();
  const ours = await serve(rollcall.requestListener);
  const bare = await serve(bareBolt(apiUrl));
  parentPort?.once('message', async () => {
    await close(ours.server);
    await close(bare.server);
    await store.close();
    parentPort?.postMessage('closed');
  });
  return { ours: ours.url, bare: bare.url };
}

if (!isMainThread && workerData?.role === 'slack-bench-servers') {
  parentPort?.postMessage(await hostServers(String(workerData.apiUrl)));
}

function startServers(apiUrl: string): Promise<{ urls: ServerUrls; stop: () => Promise<void> }> {
  // Workers do not inherit tsx's loader: the thread registers it, then imports this very file.
  const bootstrap = `
    const { workerData } = require('node:worker_threads');
    import(workerData.tsx).then(({ register }) => { register(); return import(workerData.file); });`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { role: 'slack-bench-servers', apiUrl, tsx: import.meta.resolve('tsx/esm/api'), file: import.meta.url },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (urls: ServerUrls) =>
      resolve({
        urls,
        stop: async () => {
          const closed = new Promise((done) => worker.once('message', done));
          worker.postMessage('stop');
          await closed;
          await worker.terminate();
        },
      }),
    );
  });
}

/** Slack figures of `npm run bench`, measured side by side in one run (interleaved rounds share the noise). */
export async function runSlackBench(): Promise<Row[]> {
  const fake = await FakeSlack.start();
  fake.addUser({ id: 'UOWNER', email: 'owner@bench.test', isAdmin: true });
  const servers = await startServers(fake.apiUrl);
  const ours = { url: servers.urls.ours };
  const bareServer = { url: servers.urls.bare };

  const samples = { bare: [] as number[], ack: [] as number[], full: [] as number[] };
  for (let i = 0; i < 20; i += 1) {
    await slash(bareServer.url, fake, false);
    await slash(ours.url, fake, true);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < PER_ROUND; i += 1) {
      samples.bare.push((await slash(bareServer.url, fake, false)).ack);
      const timing = await slash(ours.url, fake, true);
      samples.ack.push(timing.ack);
      samples.full.push(timing.full);
    }
    fake.calls.length = 0;
  }
  await servers.stop();
  await fake.close();

  const ratio = median(samples.ack) / median(samples.bare);
  const full = median(samples.full);
  return [
    {
      name: 'slash ack, bare Bolt (ack only)',
      value: ms(median(samples.bare)),
      note: `p95 ${ms(percentile(samples.bare, 95))}`,
    },
    {
      name: 'slash ack, Rollcall `/members list`',
      value: ms(median(samples.ack)),
      note: `p95 ${ms(percentile(samples.ack, 95))}; ${ratio.toFixed(2)}× bare (target ≤ 1.10×) ${ratio <= 1.1 ? 'met' : 'MISSED'}`,
    },
    {
      name: '`/members list` round trip, 100 members',
      value: ms(full),
      note: `p95 ${ms(percentile(samples.full, 95))}; request → reply at response_url (target ≤ 3 ms) ${full <= 3 ? 'met' : 'MISSED'}`,
    },
  ];
}
