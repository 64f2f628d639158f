import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import pg from 'pg';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import { type Caller, createMembershipCore, HOUR, type MembershipCore, type Notifier } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createDeliveryLoop, type DeliveryLoop } from '../../src/jobs/delivery-loop.ts';
import type { SweepDeps } from '../../src/jobs/schedule.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { type DialectName, migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { testSettings } from '../support/core-build.ts';
import { FakeSlack, type RecordedCall } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { type PostResult, postToSlackEndpoint, SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import { openTestStore, PG_URL } from '../support/stores.ts';

export const OWNER = 'UOWNER';
export const CHANNEL = 'C0ROLL';
export const owner: Caller = { platform: 'slack', workspaceId: 'T0001', userId: OWNER, verifiedEmail: 'owner@x.com' };

/** Real time that a test may move forward (to make invitations expire), as a clock. */
export function jumpableClock() {
  let offset = 0;
  return Object.assign(() => Date.now() + offset, {
    jump(ms: number) {
      offset += ms;
    },
  });
}

/** Log lines kept in memory, so a test can check what an operator would read. */
export function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger('debug', sink), lines, messages: () => lines.map((l) => String(l.msg)) };
}

/**
 * The pieces the runtime assembles, in this process, on real time: the Bolt app on the HTTP server,
 * the core with its post-commit hook kicking the delivery loop, and the sweep. A PostgreSQL store
 * connects with its own application_name, so a test can find and terminate exactly its backends.
 */
export class FaultyWorld {
  private constructor(
    readonly fake: FakeSlack,
    readonly store: Store,
    readonly core: MembershipCore,
    readonly delivery: DeliveryLoop,
    readonly adapter: SlackAdapter,
    readonly server: Server,
    readonly url: string,
    readonly metrics: Metrics,
    readonly clock: ReturnType<typeof jumpableClock>,
    readonly memory: ReturnType<typeof memoryLog>,
  ) {}

  static async start(dialect: DialectName, options: { appName?: string; inviteTtlMs?: number } = {}) {
    const metrics = createMetrics();
    const clock = jumpableClock();
    const memory = memoryLog();
    const { log } = memory;
    const fake = await FakeSlack.start();
    fake.addUser({ id: OWNER, email: 'owner@x.com', isAdmin: true });
    const store =
      dialect === 'postgres' && options.appName !== undefined
        ? await openStore(`${PG_URL}?application_name=${options.appName}`, {
            pgSchema: `f_${process.pid}_${Date.now().toString(36)}`,
            onConnectionError: (error) => log.error({ err: error }, 'database connection lost'),
          })
        : await openTestStore(dialect);
    await migrateToLatest(store);
    const notifiers: Notifier[] = [];
    const delivery = createDeliveryLoop({ store, clock: clock, notifiers, log, metrics: metrics });
    const core = createMembershipCore({
      store,
      clock: clock,
      settings: testSettings({ inviteTtlMs: options.inviteTtlMs ?? 48 * HOUR, orgMaxMembers: 1_000 }),
      afterCommit: () => delivery.kick(),
    });
    const config = { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.apiUrl };
    const adapter = createSlackAdapter({ core, config, log, metrics: metrics, clock: clock });
    notifiers.push(adapter.notifier);
    await adapter.start();
    const server = createHttpServer({ metrics: metrics, slack: adapter.requestListener });
    const port = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    return new FaultyWorld(fake, store, core, delivery, adapter, server, url, metrics, clock, memory);
  }

  get eventsUrl(): string {
    return `${this.url}/slack/events`;
  }

  sweepDeps(): SweepDeps {
    const { store, clock, delivery, metrics } = this;
    return { store, clock, delivery, metrics, log: this.memory.log, outboxRetentionMs: 7 * 24 * HOUR };
  }

  /** Runs a command; resolves with the HTTP answer and (when `waitMs` allows) the reply posted to response_url. */
  async slash(text: string, waitMs = 8_000): Promise<{ http: PostResult; reply: string | undefined }> {
    const responseUrl = this.fake.responseUrl();
    const http = await postToSlackEndpoint(this.eventsUrl, slashCommandForm(OWNER, text, responseUrl));
    const reply = await this.fake
      .waitFor((call) => call.method === `response:${new URL(responseUrl).pathname.split('/').at(-1)}`, waitMs)
      .then((call: RecordedCall) => String(call.body.text))
      .catch(() => undefined);
    return { http, reply };
  }

  /** Channel posts that Slack accepted (hung and failed calls are not counted). */
  channelPosts(): Record<string, unknown>[] {
    return this.fake.accepted
      .filter((call) => call.method === 'chat.postMessage' && call.body.channel === CHANNEL)
      .map((call) => call.body);
  }

  /** Edits of live cards in the channel that Slack accepted (SPEC §11). */
  cardEdits(): Record<string, unknown>[] {
    return this.fake.accepted
      .filter((call) => call.method === 'chat.update' && call.body.channel === CHANNEL)
      .map((call) => call.body);
  }

  /** How many accepted channel posts mention this email: 1 is delivered exactly once. */
  postsAbout(email: string): number {
    return this.channelPosts().filter((body) => String(body.text).includes(`*${email}*`)).length;
  }

  deliveries(outcome: string, reason: string): Promise<number> {
    return this.metrics.deliveries.get().then((m) => {
      const value = m.values.find((v) => v.labels.outcome === outcome && v.labels.reason === reason);
      return value?.value ?? 0;
    });
  }

  async setUp(): Promise<void> {
    await this.slash('setup Acme');
    await this.slash(`channel <#${CHANNEL}|rollcall>`);
  }

  async close(): Promise<void> {
    await this.delivery.stop();
    await close(this.server);
    await this.adapter.stop();
    await this.fake.close();
    await this.store.close();
    // The fault test's own schema (its connections carry their own application_name): leave nothing behind.
    if (this.store.pgSchema?.startsWith('f_')) await dropSchema(this.store.pgSchema);
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
