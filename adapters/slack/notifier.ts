import type { webApi } from '@slack/bolt';
import type { Clock, DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { isPlatformError, type SlackDirectory, type TokenFor } from './directory.ts';
import { notificationReply } from './render/notification.ts';

/**
 * The recipient can never receive it: the person is gone or does not take DMs from the bot.
 * Retrying would only repeat the answer; the activity records it.
 */
const RECIPIENT_GONE = new Set([
  'users_not_found',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
]);

/**
 * An admin can fix these (rotate the token, reinstall with the scope, invite the bot, pick another
 * channel): the notice waits with a long backoff instead of being dropped (SPEC §6: never lost).
 */
const OPERATOR_FIXABLE = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'no_permission',
  'missing_scope',
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'team_access_not_granted',
]);

/**
 * A live card's message can no longer be edited: deleted (`message_not_found`), or not editable by
 * the bot (`cant_update_message`, `edit_window_closed`). The card is retired, its changes stay in the activity.
 */
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

export function outcomeOfError(error: unknown): DeliveryOutcome {
  if (isPlatformError(error)) {
    const code = error.data.error;
    if (RECIPIENT_GONE.has(code) || MESSAGE_GONE.has(code)) return { status: 'undeliverable', reason: code };
    if (OPERATOR_FIXABLE.has(code)) return { status: 'retry', reason: code, operatorFixable: true };
    return { status: 'retry', reason: code };
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
  // Network errors, the call's deadline and anything unforeseen: the outbox keeps it and tries again.
  return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Delivers outbox notifications with chat.postMessage, and a live card's edits with chat.update. Its WebClient must not retry on its own
 * (retries: 0, rejectRateLimitedCalls) and must time out: the outbox owns retrying, across restarts.
 */
export function createSlackNotifier(deps: {
  client: webApi.WebClient;
  directory: SlackDirectory;
  clock: Clock;
  /** Distribution mode: the workspace's own token; a workspace with none waits for a reinstall. */
  tokenFor?: TokenFor;
}): Notifier {
  async function auth(teamId: string): Promise<{ token?: string } | undefined> {
    if (!deps.tokenFor) return {};
    const token = await deps.tokenFor(teamId);
    return token === undefined ? undefined : { token };
  }

  async function resolveChannel(notification: OutboundNotification): Promise<string | undefined> {
    const destination = notification.destination;
    if (destination.kind === 'channel') return destination.channelId;
    if (destination.kind === 'user') return destination.userId;
    // Posting to a user id opens (or reuses) the bot's DM with that person.
    return deps.directory.forTeam(notification.workspaceId).lookupByEmail(destination.email);
  }

  return {
    platform: 'slack',
    async deliver(notification) {
      try {
        const token = await auth(notification.workspaceId);
        if (!token)
          return { status: 'retry', reason: 'Rollcall is not installed in this workspace', operatorFixable: true };
        const channel = await resolveChannel(notification);
        if (channel === undefined) return { status: 'undeliverable', reason: 'no Slack account with that email' };
        const to = notification.destination.kind === 'channel' ? 'channel' : 'person';
        const reply = notificationReply(notification.event, to, deps.clock());
        if (notification.messageRef !== undefined) {
          // A live card (SPEC §11): its announcement is edited in place, never posted again.
          await deps.client.chat.update({ channel, ts: notification.messageRef, text: reply.text, ...token });
          return { status: 'delivered' };
        }
        const posted = await deps.client.chat.postMessage({
          channel,
          text: reply.text,
          ...(reply.blocks ? { blocks: reply.blocks } : {}),
          unfurl_links: false,
          ...token,
        });
        // A channel post may be a live card: its ts is what a later edit names.
        return {
          status: 'delivered',
          ...(to === 'channel' && posted.ts !== undefined ? { messageRef: posted.ts } : {}),
        };
      } catch (error) {
        return outcomeOfError(error);
      }
    },
  };
}
