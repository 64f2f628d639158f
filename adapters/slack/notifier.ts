import type { webApi } from '@slack/bolt';
import type { Clock, DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { isPlatformError, type SlackDirectory } from './directory.ts';
import { notificationReply } from './render/notification.ts';

/** Slack answers these when a post can never succeed as addressed; retrying would only repeat them. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'users_not_found',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'restricted_action',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
]);

export function outcomeOfError(error: unknown): DeliveryOutcome {
  if (isPlatformError(error)) {
    const code = error.data.error;
    return PERMANENT.has(code) ? { status: 'undeliverable', reason: code } : { status: 'retry', reason: code };
  }
  if (typeof error === 'object' && error !== null && 'code' in error) {
    if (
      error.code === 'slack_webapi_rate_limited_error' &&
      'retryAfter' in error &&
      typeof error.retryAfter === 'number'
    )
      return { status: 'retry', reason: 'rate limited', retryAfterMs: error.retryAfter * 1_000 };
    if (error.code === 'slack_webapi_http_error' && 'statusCode' in error)
      return { status: 'retry', reason: `HTTP ${String(error.statusCode)}` };
  }
  // Network errors and anything unforeseen: the outbox keeps the notification and tries again.
  return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Delivers outbox notifications with chat.postMessage. Its WebClient must not retry on its own
 * (retries: 0, rejectRateLimitedCalls): the outbox owns retrying, across restarts.
 */
export function createSlackNotifier(deps: {
  client: webApi.WebClient;
  directory: SlackDirectory;
  clock: Clock;
}): Notifier {
  async function resolveChannel(notification: OutboundNotification): Promise<string | undefined> {
    const destination = notification.destination;
    if (destination.kind === 'channel') return destination.channelId;
    if (destination.kind === 'user') return destination.userId;
    // Posting to a user id opens (or reuses) the bot's DM with that person.
    return deps.directory.lookupByEmail(destination.email);
  }

  return {
    platform: 'slack',
    async deliver(notification) {
      try {
        const channel = await resolveChannel(notification);
        if (channel === undefined) return { status: 'undeliverable', reason: 'no Slack account with that email' };
        const to = notification.destination.kind === 'channel' ? 'channel' : 'person';
        const reply = notificationReply(notification.event, to, deps.clock());
        await deps.client.chat.postMessage({
          channel,
          text: reply.text,
          ...(reply.blocks ? { blocks: reply.blocks } : {}),
          unfurl_links: false,
        });
        return { status: 'delivered' };
      } catch (error) {
        return outcomeOfError(error);
      }
    },
  };
}
