import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import {
  type Answer,
  buttonsOf,
  FakeDiscord,
  type FakeMessage,
  type FakeUser,
  type InteractionSource,
  PERMISSIONS,
  permissionString,
} from '../support/fake-discord.ts';
import { manualClock, openTestStore } from '../support/stores.ts';

export const GUILD = '900000000000000001';
export const GENERAL = '900000000000000010';
export const NOTIFICATIONS = '900000000000000011';

export const owner: FakeUser = { id: '700000000000000001', username: 'olivia' };
export const alice: FakeUser = { id: '700000000000000002', username: 'alice' };
export const bob: FakeUser = { id: '700000000000000003', username: 'bob' };

/** A member of the test server typing in #general, with or without Manage Server. */
export function inGuild(user: FakeUser, options: { manageServer?: boolean } = {}): InteractionSource {
  const permissions = options.manageServer ? permissionString(PERMISSIONS.manageGuild) : permissionString();
  return { kind: 'guild', guildId: GUILD, channelId: GENERAL, user, permissions };
}

/** The user in their DM with the bot (where invitation buttons arrive). */
export function inDm(fake: FakeDiscord, user: FakeUser): InteractionSource {
  const channelId = fake.dmChannelOf(user.id);
  if (!channelId) throw new Error(`the bot never opened a DM with ${user.username}`);
  return { kind: 'dm', channelId, user };
}

export interface DiscordWorld {
  readonly fake: FakeDiscord;
  readonly store: Store;
  readonly adapter: DiscordAdapter;
  readonly clock: ReturnType<typeof manualClock>;
  /** Sends `/members <subcommand>` and returns what the user finally sees (after the deferral). */
  run(
    source: InteractionSource,
    subcommand: string,
    options?: Parameters<FakeDiscord['sendCommand']>[2],
  ): Promise<Answer>;
  /** Clicks the button labelled `label` on `message`; returns what the clicker was shown. */
  click(source: InteractionSource, message: FakeMessage, label: string): Promise<Answer>;
  /** Sends a click with this custom id, as a client still showing an old copy of the message would. */
  press(source: InteractionSource, message: FakeMessage, customId: string): Promise<Answer>;
  /** Runs the outbox dispatcher once with the Discord notifier, as the scheduled job does. */
  deliver(): ReturnType<typeof dispatchNotifications>;
  close(): Promise<void>;
}

/** A real discord.js client logged in to a fake Discord, over the real core on a fresh SQLite file. */
export async function startWorld(): Promise<DiscordWorld> {
  const fake = await FakeDiscord.start();
  const store = await openTestStore('sqlite');
  const clock = manualClock();
  const core = buildCore(store, clock);
  const log = createLogger('silent');
  const metrics = createMetrics();
  const config = { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl };
  const adapter = createDiscordAdapter({ core, config, log, metrics, clock });
  await adapter.start();
  return {
    fake,
    store,
    adapter,
    clock,
    run: (source, subcommand, options = {}) => fake.answerTo(fake.sendCommand(source, subcommand, options)),
    click: (source, message, label) => {
      const button = buttonsOf(message).find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" on: ${message.content}`);
      return fake.answerTo(fake.clickButton(source, message, button.customId));
    },
    press: (source, message, customId) => fake.answerTo(fake.clickButton(source, message, customId)),
    deliver: () => dispatchNotifications({ store, clock, notifiers: [adapter.notifier], log, metrics }),
    async close() {
      await adapter.stop();
      await fake.close();
      await store.close();
    },
  };
}
