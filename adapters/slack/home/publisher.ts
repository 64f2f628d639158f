import type { webApi } from '@slack/bolt';
import { type Clock, HOUR, type MembershipCore, MINUTE, type OrgChange } from '../../../src/core/index.ts';
import { type Logger, logUnexpected } from '../../../src/log.ts';
import type { SlackDirectory, TokenFor } from '../directory.ts';
import { unexpectedMessage } from '../messages.ts';
import { homeFailedView, homeView } from './render.ts';

export interface HomePublisherDeps {
  readonly core: MembershipCore;
  readonly directory: SlackDirectory;
  readonly client: webApi.WebClient;
  readonly clock: Clock;
  readonly log: Logger;
  readonly tokenFor?: TokenFor | undefined;
  /** How long a burst of changes is gathered before each open Home is published once. */
  readonly debounceMs?: number | undefined;
}

/** SPEC §11: a Home opened within the last hour counts as open. */
const OPEN_FOR_MS = HOUR;
/**
 * views.publish is Tier 4 (100+ a minute per workspace, docs.slack.dev/reference/methods/views.publish):
 * republishing keeps under 90 a minute per workspace, leaving room for Homes being opened meanwhile.
 */
export const PUBLISHES_PER_MINUTE = 90;
const DEFAULT_DEBOUNCE_MS = 1_000;
/** A publish held back by the tier is looked at again this often (the clock decides when it may go). */
const RECHECK_MS = 1_000;

interface Viewer {
  readonly teamId: string;
  readonly userId: string;
  openedAt: number;
  page: number;
  orgId?: string;
}

/**
 * Keeps each open Home current: who opened it (in this process's memory), which organization it
 * shows, and one publish per viewer per burst of changes, paced within the method's rate tier.
 */
export class HomePublisher {
  readonly #viewers = new Map<string, Viewer>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #sent = new Map<string, number[]>();

  constructor(private readonly deps: HomePublisherDeps) {}

  /** `app_home_opened`, or a Previous/Next click: published at once, and remembered as open. */
  async show(teamId: string, userId: string, page?: number): Promise<void> {
    const key = `${teamId}:${userId}`;
    const viewer = this.#viewers.get(key) ?? { teamId, userId, openedAt: 0, page: 1 };
    viewer.openedAt = this.deps.clock();
    if (page !== undefined) viewer.page = page;
    this.#viewers.set(key, viewer);
    // Someone is looking at their Home: it goes out now, and counts against what republishing may spend.
    this.#record(teamId);
    await this.#publish(viewer);
  }

  /** After a commit: each open Home of these organizations is republished once the burst is over. */
  changed(change: OrgChange): void {
    const now = this.deps.clock();
    for (const [key, viewer] of this.#viewers) {
      if (now - viewer.openedAt >= OPEN_FOR_MS) {
        this.#viewers.delete(key);
        continue;
      }
      if (viewer.orgId !== undefined && change.orgIds.includes(viewer.orgId)) this.#schedule(key, this.#debounce);
    }
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  get #debounce(): number {
    return this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** A viewer already waiting is not scheduled again: the publish reads the state as it is then. */
  #schedule(key: string, delayMs: number): void {
    if (this.#timers.has(key)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      const viewer = this.#viewers.get(key);
      if (viewer) void this.#republish(key, viewer);
    }, delayMs);
    timer.unref();
    this.#timers.set(key, timer);
  }

  async #republish(key: string, viewer: Viewer): Promise<void> {
    const wait = this.#slotIn(viewer.teamId);
    if (wait > 0) {
      this.#schedule(key, Math.min(wait, RECHECK_MS));
      return;
    }
    try {
      await this.#publish(viewer);
    } catch (error) {
      logUnexpected(this.deps.log, error, { platform: 'slack', command: 'home' });
    }
  }

  /** This workspace's publishes within the last minute. */
  #window(teamId: string): number[] {
    const now = this.deps.clock();
    const sent = (this.#sent.get(teamId) ?? []).filter((at) => now - at < MINUTE);
    this.#sent.set(teamId, sent);
    return sent;
  }

  #record(teamId: string): void {
    this.#window(teamId).push(this.deps.clock());
  }

  /** Milliseconds until this workspace may take another republish; 0 takes the slot now. */
  #slotIn(teamId: string): number {
    const sent = this.#window(teamId);
    const [oldest] = sent;
    if (sent.length >= PUBLISHES_PER_MINUTE && oldest !== undefined)
      return Math.max(1, oldest + MINUTE - this.deps.clock());
    sent.push(this.deps.clock());
    return 0;
  }

  async #publish(viewer: Viewer): Promise<void> {
    const { core, directory, client, clock } = this.deps;
    const caller = await directory.caller(viewer.teamId, viewer.userId);
    const home = await core.home(caller);
    const view = home.ok
      ? homeView(home.value, viewer.page, clock())
      : homeFailedView(unexpectedMessage(logUnexpected(this.deps.log, home.error, { command: 'home' })));
    if (home.ok && home.value.kind === 'member') viewer.orgId = home.value.orgId;
    else delete viewer.orgId;
    const token = this.deps.tokenFor ? await this.deps.tokenFor(viewer.teamId) : undefined;
    await client.views.publish({ user_id: viewer.userId, view, ...(token === undefined ? {} : { token }) });
  }
}
