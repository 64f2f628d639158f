/**
 * Slack's rate limits and response_url budget, on the fake's own clock so a test can move it.
 *
 * Sources:
 * - Rate limits, https://docs.slack.dev/apis/web-api/rate-limits: Tier 2 20+ a minute, Tier 3 50+,
 *   Tier 4 100+ per method and workspace; over it, HTTP 429 with `Retry-After` (seconds).
 *   chat.postMessage is "special": about one message a second per channel, short bursts allowed
 *   (Slack publishes no burst size; we allow 10, see POST_BURST).
 * - Method pages (docs.slack.dev/reference/methods/<method>): users.lookupByEmail Tier 3,
 *   users.info Tier 4, views.open / views.update / views.publish / views.push Tier 4,
 *   chat.update Tier 3, chat.postEphemeral Tier 4, conversations.open Tier 3.
 * - Handling user interaction, https://docs.slack.dev/interactivity/handling-user-interaction:
 *   a response_url "can be used up to 5 times within 30 minutes". Slack does not publish the
 *   answer past that; it is seen to be HTTP 404 with `used_url` (`expired_url` after 30 minutes).
 */

export const METHOD_TIERS: Readonly<Record<string, number>> = {
  'users.lookupByEmail': 50,
  'users.info': 100,
  'views.open': 100,
  'views.update': 100,
  'views.publish': 100,
  'views.push': 100,
  'chat.update': 50,
  'chat.postEphemeral': 100,
  'conversations.open': 50,
};

const MINUTE = 60_000;
/** Posts a channel may take at once before the one-a-second pace applies (assumed: unpublished). */
export const POST_BURST = 10;
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * MINUTE;

/** Retry-After in whole seconds, never 0 (Slack never says "retry now"). */
const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export class SlackRates {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #channels = new Map<string, { tokens: number; at: number }>();
  readonly #responseUrls = new Map<string, { first: number; uses: number }>();

  constructor(private readonly now: () => number) {}

  /** Seconds to wait when this call is over its method's tier, else undefined. */
  overTier(method: string, body: Record<string, unknown>): number | undefined {
    if (method === 'chat.postMessage') return this.#overChannelPace(String(body.channel));
    const perMinute = METHOD_TIERS[method];
    if (perMinute === undefined) return undefined;
    const now = this.now();
    const window = this.#windows.get(method);
    if (!window || now - window.start >= MINUTE) {
      this.#windows.set(method, { start: now, count: 1 });
      return undefined;
    }
    window.count += 1;
    return window.count > perMinute ? seconds(window.start + MINUTE - now) : undefined;
  }

  /** A token bucket per channel: POST_BURST at once, then one a second. */
  #overChannelPace(channel: string): number | undefined {
    const now = this.now();
    const bucket = this.#channels.get(channel) ?? { tokens: POST_BURST, at: now };
    bucket.tokens = Math.min(POST_BURST, bucket.tokens + (now - bucket.at) / 1000);
    bucket.at = now;
    this.#channels.set(channel, bucket);
    if (bucket.tokens < 1) return seconds((1 - bucket.tokens) * 1000);
    bucket.tokens -= 1;
    return undefined;
  }

  /** Slack's error when this post to a response_url is one too many or too late, else undefined. */
  responseUrlRefusal(id: string): 'used_url' | 'expired_url' | undefined {
    const now = this.now();
    const use = this.#responseUrls.get(id) ?? { first: now, uses: 0 };
    this.#responseUrls.set(id, use);
    if (now - use.first > RESPONSE_URL_LIFETIME_MS) return 'expired_url';
    use.uses += 1;
    return use.uses > RESPONSE_URL_USES ? 'used_url' : undefined;
  }
}
