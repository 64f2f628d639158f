import type { Server } from 'node:http';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { MembershipCore } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import type { DialectName, Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { FakeSlack, type RecordedCall } from '../support/fake-slack.ts';
import { blockActionForm, inviteSubmissionForm, slashCommandForm } from '../support/fake-slack-payloads.ts';
import { type PostResult, postToSlackEndpoint, SIGNING_SECRET, signedHeaders } from '../support/fake-slack-signer.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

/** Short, so a test waits little for a republished Home; still long enough to gather a command's commits. */
export const HOME_DEBOUNCE_MS = 50;

export interface Exchange {
  readonly http: PostResult;
  /** What the app posted to this request's response_url. */
  readonly reply: () => Promise<RecordedCall['body']>;
}

/** The real Bolt app on 127.0.0.1 over a fresh SQLite store, talking to a fake Slack started for the test. */
export class SlackHarness {
  private constructor(
    readonly fake: FakeSlack,
    readonly store: Store,
    readonly core: MembershipCore,
    readonly adapter: SlackAdapter,
    readonly server: Server,
    readonly url: string,
    readonly clock: ReturnType<typeof manualClock>,
    readonly metrics: Metrics,
  ) {}

  static async start(dialect: DialectName = 'sqlite'): Promise<SlackHarness> {
    const fake = await FakeSlack.start();
    const store = await openTestStore(dialect);
    const clock = manualClock();
    const metrics = createMetrics();
    const log = createLogger('silent');
    // As the runtime wires it: every commit tells the adapter which organizations changed (open Homes).
    let adapter: SlackAdapter | undefined;
    const core = buildCore(store, clock, {}, (change) => adapter?.orgChanged(change));
    const config = { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.apiUrl };
    adapter = createSlackAdapter({ core, config, log, metrics, clock, homeDebounceMs: HOME_DEBOUNCE_MS });
    await adapter.start();
    const server = createHttpServer({ metrics, slack: adapter.requestListener });
    const port = await listen(server, 0, '127.0.0.1');
    return new SlackHarness(fake, store, core, adapter, server, `http://127.0.0.1:${port}`, clock, metrics);
  }

  get eventsUrl(): string {
    return `${this.url}/slack/events`;
  }

  async slash(userId: string, text: string, headers: Record<string, string> = {}): Promise<Exchange> {
    const responseUrl = this.fake.responseUrl();
    const http = await postToSlackEndpoint(this.eventsUrl, slashCommandForm(userId, text, responseUrl), { headers });
    return { http, reply: async () => (await this.fake.waitForResponse(responseUrl)).body };
  }

  /** Runs a command and returns the text of its ephemeral reply. */
  async say(userId: string, text: string): Promise<string> {
    return String((await (await this.slash(userId, text)).reply()).text);
  }

  /** Runs a command and returns everything its reply shows: the text and every block's text. */
  async show(userId: string, text: string): Promise<string> {
    const body = await (await this.slash(userId, text)).reply();
    return [String(body.text), ...blockTexts(body)].join('\n');
  }

  async click(userId: string, actionId: string): Promise<Exchange> {
    const responseUrl = this.fake.responseUrl();
    const http = await postToSlackEndpoint(this.eventsUrl, blockActionForm(userId, actionId, responseUrl));
    return { http, reply: async () => (await this.fake.waitForResponse(responseUrl)).body };
  }

  async submitInvite(userId: string, emails: string, role: string): Promise<PostResult> {
    return postToSlackEndpoint(this.eventsUrl, inviteSubmissionForm(userId, emails, role));
  }

  /** A signed `user_change` event callback, as Slack posts it (Events API). */
  userChange(user: Record<string, unknown>): Promise<Response> {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0ROLLCALL',
      event: { type: 'user_change', user, event_ts: '1700000000.000200', cache_ts: 1700000000 },
      event_id: `Ev${Date.now()}`,
      event_time: 1700000000,
    });
    return fetch(this.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(body) },
      body,
    });
  }

  /**
   * Waits until the adapter counted `command` (an event's listener runs after Bolt acknowledged
   * it, so the HTTP answer comes first). Polls the in-process counter; no time-based logic waits.
   */
  async waitForCount(command: string): Promise<void> {
    for (let tries = 0; tries < 200; tries += 1) {
      const { values } = await this.metrics.commands.get();
      if (values.some((v) => v.labels.command === command)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the adapter never counted ${command}`);
  }

  deliver() {
    return dispatchNotifications({
      store: this.store,
      clock: this.clock,
      notifiers: [this.adapter.notifier],
      log: createLogger('silent'),
      metrics: this.metrics,
    });
  }

  async close(): Promise<void> {
    await close(this.server);
    await this.adapter.stop();
    await this.fake.close();
    await this.store.close();
  }
}

/** The action ids of the buttons in a recorded message body. */
export function buttonIds(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ?? []) as { type: string; elements?: { action_id?: string }[] }[];
  return blocks.flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).map((e) => e.action_id ?? '') : [],
  );
}

/** The mrkdwn of every section and context block, as the user reads it. */
export function blockTexts(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ?? []) as { text?: { text?: string }; elements?: { text?: string }[] }[];
  return blocks.flatMap((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((e) => e.text ?? '')]);
}
