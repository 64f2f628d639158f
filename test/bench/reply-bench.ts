import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { type Caller, type MembershipCore, type Result, systemClock } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { migrateToLatest, openStore } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { SIGNING_SECRET, signedHeaders } from '../support/fake-slack-signer.ts';
import { type Figure, percentile } from './measure.ts';

/** Rounds, each a pair of phases per command; their ratios' median is the figure (rounds vary ±50% here). */
const ROUNDS = 9;
/** Commands per measurement: enough for a steady p50 at 50 in flight, few enough for a 6-minute bench. */
const PER_PHASE = 300;
const CONCURRENCY = 50;
const WARM_UP = 100;
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

/**
 * The baseline: a minimal Bolt app on the same HTTP server doing the trivial equivalent of a
 * command, acknowledge then answer through response_url.
 */
function bareBolt(apiUrl: string) {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET });
  const app = new App({ token: 'xoxb-bench', receiver, clientOptions: { slackApiUrl: apiUrl } });
  app.command('/members', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'ok' });
  });
  return receiver.requestListener;
}

interface ServerUrls {
  readonly ours: string;
  readonly bare: string;
}

/**
 * The worker side: Rollcall (SQLite, 100 members) and the bare Bolt app, each behind the shared
 * HTTP server, in their own thread, so the load generator's clock is not held up by their work.
 */
async function hostServers(apiUrl: string): Promise<ServerUrls> {
  const store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-reply-bench-')), 'bench.db')}`);
  await migrateToLatest(store);
  const core = buildCore(store, systemClock, { orgMaxMembers: 1_000_000 });
  await hundredMembers(core);
  const config = { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl };
  const log = createLogger('silent');
  const rollcall = createSlackAdapter({ core, config, log, metrics: createMetrics(), clock: systemClock });
  await rollcall.start();
  const serve = async (listener: typeof rollcall.requestListener) => {
    const server = createHttpServer({ metrics: createMetrics(), slack: listener });
    return { server, url: `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/slack/events` };
  };
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

if (!isMainThread && workerData?.role === 'reply-bench-servers') {
  parentPort?.postMessage(await hostServers(String(workerData.apiUrl)));
}

function startServers(apiUrl: string): Promise<{ urls: ServerUrls; stop: () => Promise<void> }> {
  // Workers do not inherit tsx's loader: the thread registers it, then imports this very file.
  const bootstrap = `
    const { workerData } = require('node:worker_threads');
    import(workerData.tsx).then(({ register }) => { register(); return import(workerData.file); });`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { role: 'reply-bench-servers', apiUrl, tsx: import.meta.resolve('tsx/esm/api'), file: import.meta.url },
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

/** The bench's response_url endpoint: records nothing, only hands each reply to whoever waits for it. */
class ResponseSink {
  readonly #waiting = new Map<string, (body: Record<string, unknown>) => void>();
  #counter = 0;
  readonly #server = createServer((req, res) => {
    readJson(req).then(
      (body) => {
        const id = (req.url ?? '').split('/').at(-1) ?? '';
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        const resolve = this.#waiting.get(id);
        this.#waiting.delete(id);
        resolve?.(body);
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  /** A fresh response_url and the first body posted to it. */
  next(): { url: string; reply: Promise<Record<string, unknown>> } {
    this.#counter += 1;
    const id = `r${this.#counter}`;
    const reply = new Promise<Record<string, unknown>>((resolve) => this.#waiting.set(id, resolve));
    return { url: `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/response/${id}`, reply };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

/**
 * One signed slash command: milliseconds from sending it to holding its reply, whether the reply
 * came in the acknowledgement's body or was posted to response_url. `expect` checks it is the real
 * reply, not a cheaper refusal.
 */
async function commandToReply(url: string, sink: ResponseSink, text: string, expect: RegExp): Promise<number> {
  const { url: responseUrl, reply } = sink.next();
  const body = new URLSearchParams(slashCommandForm('UOWNER', text, responseUrl)).toString();
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
    body,
  });
  const ack = await response.text();
  if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
  const inAck = ack.startsWith('{') ? (JSON.parse(ack) as Record<string, unknown>) : undefined;
  const answer = inAck !== undefined && typeof inAck.text === 'string' ? inAck : await reply;
  const elapsed = performance.now() - start;
  if (!expect.test(String(answer.text))) throw new Error(`unexpected reply to "${text}": ${String(answer.text)}`);
  return elapsed;
}

/** `count` commands, `CONCURRENCY` in flight at a time; the p50 of their request → reply times. */
async function phase(count: number, send: (index: number) => Promise<number>): Promise<number> {
  const samples: number[] = [];
  let next = 0;
  const user = async () => {
    for (let index = next++; index < count; index = next++) samples.push(await send(index));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, user));
  return percentile(samples, 50);
}

/** Reply p50 at 50 concurrent users for `list` and `invite`, each beside bare Bolt in the same round. */
export async function runReplyBench(): Promise<Figure[]> {
  const fake = await FakeSlack.start();
  // 50 users in one workspace invite faster than Slack's Tier 3 allows a real workspace: the bench
  // measures our cost per command, not Slack's pacing.
  fake.allowOversized('rate');
  fake.addUser({ id: 'UOWNER', email: 'owner@bench.test', isAdmin: true });
  const sink = new ResponseSink();
  await sink.start();
  const servers = await startServers(fake.apiUrl);
  const { ours, bare } = servers.urls;
  let invited = 0;
  const list = () => commandToReply(ours, sink, 'list members', /100 members/);
  const invite = () => {
    invited += 1;
    return commandToReply(ours, sink, `invite bench${invited}@bench.test`, /Invited 1/);
  };
  const trivial = () => commandToReply(bare, sink, 'list members', /^ok$/);

  for (let i = 0; i < WARM_UP; i += 1) await Promise.all([trivial(), list(), invite()]);
  // One whole round untimed, at full concurrency: the first timed rounds were still warming up
  // (bare Bolt's p50 fell threefold from round one to round five), which skewed their ratios.
  for (const send of [trivial, list, trivial, invite]) await phase(PER_PHASE, send);
  const samples = {
    bareList: [] as number[],
    list: [] as number[],
    bareInvite: [] as number[],
    invite: [] as number[],
  };
  // Each pair runs back to back, in alternating order: whichever side runs second pays for the
  // garbage the first left, so neither side always does.
  const pair = async (bareSide: number[], ourSide: number[], ours: () => Promise<number>, round: number) => {
    if (round % 2 === 0) {
      bareSide.push(await phase(PER_PHASE, trivial));
      ourSide.push(await phase(PER_PHASE, ours));
    } else {
      ourSide.push(await phase(PER_PHASE, ours));
      bareSide.push(await phase(PER_PHASE, trivial));
    }
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    await pair(samples.bareList, samples.list, list, round);
    await pair(samples.bareInvite, samples.invite, invite, round);
  }
  await servers.stop();
  await sink.close();
  await fake.close();

  const baseline = (rounds: number[]) => ({ name: 'bare Bolt, ack then respond()', rounds });
  return [
    {
      name: `reply p50, \`/members list members\` (100 members), ${CONCURRENCY} concurrent users`,
      unit: 'ms',
      rounds: samples.list,
      baseline: baseline(samples.bareList),
      target: { ratioAtMost: 1.3 },
    },
    {
      name: `reply p50, \`/members invite <email>\`, ${CONCURRENCY} concurrent users`,
      unit: 'ms',
      rounds: samples.invite,
      baseline: baseline(samples.bareInvite),
      target: { ratioAtMost: 2 },
    },
  ];
}
