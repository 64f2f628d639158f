import type { Server } from 'node:http';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { MembershipCore } from '../../src/core/index.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { Store } from '../../src/store/connect.ts';
import { blockTexts } from '../slack/harness.ts';
import { buildCore } from '../support/core-build.ts';
import { type Answer, FakeDiscord, type InteractionSource } from '../support/fake-discord.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint, SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

/**
 * One bot process with both adapters, as src/runtime.ts starts them when Slack and Discord are both
 * configured: real Bolt over signed HTTP to a fake Slack, real discord.js over a fake Discord, one
 * core and one store, and one dispatcher delivering to both.
 */
export class TwoPlatforms {
  private constructor(
    readonly slackFake: FakeSlack,
    readonly discordFake: FakeDiscord,
    readonly store: Store,
    readonly core: MembershipCore,
    private readonly slack: SlackAdapter,
    private readonly discord: DiscordAdapter,
    private readonly server: Server,
    private readonly url: string,
    readonly clock: ReturnType<typeof manualClock>,
  ) {}

  static async start(): Promise<TwoPlatforms> {
    const [slackFake, discordFake] = await Promise.all([FakeSlack.start(), FakeDiscord.start()]);
    const store = await openTestStore('sqlite');
    const clock = manualClock();
    const core = buildCore(store, clock);
    const deps = { core, log: createLogger('silent'), metrics: createMetrics(), clock };
    const slackConfig = {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: slackFake.apiUrl,
    };
    const slack = createSlackAdapter({ ...deps, config: slackConfig });
    const discordConfig = {
      token: discordFake.token,
      applicationId: discordFake.applicationId,
      apiUrl: discordFake.apiUrl,
    };
    const discord = createDiscordAdapter({ ...deps, config: discordConfig });
    await Promise.all([slack.start(), discord.start()]);
    const server = createHttpServer({ metrics: deps.metrics, slack: slack.requestListener });
    const port = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    return new TwoPlatforms(slackFake, discordFake, store, core, slack, discord, server, url, clock);
  }

  /** `/members <text>` in Slack; its ephemeral reply as the user reads it: the text, then every block's. */
  async slash(userId: string, text: string): Promise<string> {
    const responseUrl = this.slackFake.responseUrl();
    await postToSlackEndpoint(`${this.url}/slack/events`, slashCommandForm(userId, text, responseUrl));
    const body = (await this.slackFake.waitForResponse(responseUrl)).body;
    return [String(body.text), ...blockTexts(body)].join('\n');
  }

  /** `/members <subcommand>` on Discord; what the user finally sees. */
  command(
    source: InteractionSource,
    subcommand: string,
    options: Parameters<FakeDiscord['sendCommand']>[2] = {},
  ): Promise<Answer> {
    return this.discordFake.answerTo(this.discordFake.sendCommand(source, subcommand, options));
  }

  /** One pass of the outbox dispatcher with both platforms' notifiers, as the scheduled job runs it. */
  deliver() {
    return dispatchNotifications({
      store: this.store,
      clock: this.clock,
      notifiers: [this.slack.notifier, this.discord.notifier],
      log: createLogger('silent'),
      metrics: createMetrics(),
    });
  }

  async close(): Promise<void> {
    await close(this.server);
    await Promise.all([this.slack.stop(), this.discord.stop()]);
    await Promise.all([this.slackFake.close(), this.discordFake.close()]);
    await this.store.close();
  }
}
