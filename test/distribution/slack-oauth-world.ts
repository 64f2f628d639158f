import type { Server } from 'node:http';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { slackInstallations } from '../../src/slack-installations.ts';
import type { DialectName, Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import type { FakeGrant } from '../support/fake-slack-oauth.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint, SIGNING_SECRET, signedHeaders } from '../support/fake-slack-signer.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

export const SECRET_KEY = 'a-test-secret-key-of-some-length';

export interface Page {
  readonly status: number;
  readonly text: string;
}

/** The Bolt app in distribution mode (SLACK_CLIENT_ID…) on a real store, against the fake Slack. */
export class OAuthWorld {
  private constructor(
    readonly fake: FakeSlack,
    readonly store: Store,
    readonly adapter: SlackAdapter,
    private readonly server: Server,
    readonly url: string,
    readonly clock: ReturnType<typeof manualClock>,
  ) {}

  static async start(dialect: DialectName): Promise<OAuthWorld> {
    const fake = await FakeSlack.start();
    const store = await openTestStore(dialect);
    const clock = manualClock();
    const metrics = createMetrics();
    const log = createLogger('silent');
    const config = {
      botToken: undefined,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: fake.apiUrl,
      oauth: { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-of-16+' },
    };
    const installations = slackInstallations(store, SECRET_KEY);
    const adapter = createSlackAdapter({ core: buildCore(store, clock), config, log, metrics, clock, installations });
    await adapter.start();
    const server = createHttpServer({ metrics, slack: adapter.requestListener });
    const port = await listen(server, 0, '127.0.0.1');
    return new OAuthWorld(fake, store, adapter, server, `http://127.0.0.1:${port}`, clock);
  }

  /** "Add to Slack": the install page, Slack's consent (the fake grants `code`), the redirect back. */
  async install(code: string, grant: FakeGrant): Promise<Page> {
    const { state, cookie } = await this.openInstallPage();
    this.fake.oauth.grant(code, grant);
    return this.redirect({ code, state }, cookie);
  }

  async openInstallPage(): Promise<{ page: Page; state: string; cookie: string }> {
    const response = await fetch(`${this.url}/slack/install`);
    const text = await response.text();
    const href = /href="([^"]+)"/.exec(text)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const state = new URL(href).searchParams.get('state') ?? '';
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { page: { status: response.status, text }, state, cookie };
  }

  /** Slack sending the browser back to /slack/oauth_redirect. */
  async redirect(query: Record<string, string>, cookie: string): Promise<Page> {
    const response = await fetch(`${this.url}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
      headers: cookie ? { cookie } : {},
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text() };
  }

  /** `/members <text>` typed by `userId` in workspace `teamId`; resolves with the reply's text. */
  async say(teamId: string, userId: string, text: string): Promise<string> {
    const responseUrl = this.fake.responseUrl();
    const form = { ...slashCommandForm(userId, text, responseUrl), team_id: teamId };
    const http = await postToSlackEndpoint(`${this.url}/slack/events`, form);
    if (http.status !== 200) throw new Error(`the command was refused: ${http.status} ${http.text}`);
    return String((await this.fake.waitForResponse(responseUrl)).body.text);
  }

  /** An Events API callback, signed, as Slack posts it. */
  event(teamId: string, event: Record<string, unknown>) {
    const body = {
      type: 'event_callback',
      team_id: teamId,
      api_app_id: 'A0ROLLCALL',
      event,
      event_id: `Ev${Date.now()}`,
    };
    return fetch(`${this.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(JSON.stringify(body)) },
      body: JSON.stringify(body),
    });
  }

  deliver() {
    const log = createLogger('silent');
    return dispatchNotifications({
      store: this.store,
      clock: this.clock,
      notifiers: [this.adapter.notifier],
      log,
      metrics: createMetrics(),
    });
  }

  async close(): Promise<void> {
    await close(this.server);
    await this.adapter.stop();
    await this.fake.close();
    await this.store.close();
  }
}
