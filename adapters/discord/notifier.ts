import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { notificationMessage } from './render-notification.ts';

/** Each REST call of a delivery gives up after this; a rate-limit wait past it aborts the call too. */
const DELIVERY_TIMEOUT_MS = 3_000;

/**
 * Never deliverable: DMs closed or the bot blocked (50007), the user is gone (10013); a live card's
 * message deleted (10008 Unknown Message) or not the bot's to edit (50005): the card is retired.
 */
const RECIPIENT_GONE = new Set<number | string>([50007, 10013, 10008, 50005]);

/**
 * An admin can fix these: a revoked or rotated token (HTTP 401), the bot lacking access or
 * permission in the channel (50001, 50013), a deleted channel (10003, pick another). Retried with
 * a long backoff and reported, never dropped.
 */
const OPERATOR_FIXABLE = new Set<number | string>([50001, 50013, 10003]);

function classify(error: unknown): DeliveryOutcome {
  if (error instanceof DiscordAPIError) {
    const reason = `discord ${error.code}: ${error.message}`;
    if (RECIPIENT_GONE.has(error.code)) return { status: 'undeliverable', reason };
    if (error.status === 401 || OPERATOR_FIXABLE.has(error.code))
      return { status: 'retry', reason, operatorFixable: true };
    return { status: 'retry', reason };
  }
  // HTTP 5xx, timeouts and network errors: the outbox tries again later.
  return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

async function channelFor(rest: REST, notification: OutboundNotification, signal: AbortSignal): Promise<string> {
  const { destination } = notification;
  if (destination.kind === 'channel') return destination.channelId;
  if (destination.kind === 'user') {
    // Opening a DM is idempotent on Discord's side: it returns the existing channel.
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: destination.userId }, signal })) as {
      id: string;
    };
    return dm.id;
  }
  throw new Error('unreachable: email destinations are answered before');
}

/**
 * Delivers outbox rows through discord.js's REST client, whose queue waits out short rate limits
 * (HTTP 429, Retry-After) within the call's deadline; any other failure is reported back to the
 * outbox. `token`: discord.js forgets the token on a 401, which would fail every later call after
 * a token rotation window; the notifier sets it again.
 */
export function createDiscordNotifier(rest: REST, token?: string): Notifier {
  return {
    platform: 'discord',
    async deliver(notification) {
      if (notification.destination.kind === 'email') {
        return { status: 'undeliverable', reason: 'Discord cannot reach a person by email address' };
      }
      const signal = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
      try {
        const channelId = await channelFor(rest, notification, signal);
        const body = notificationMessage(notification.event, notification.destination, notification.workspaceId);
        if (notification.messageRef !== undefined) {
          // A live card (SPEC §11): its announcement is edited in place, never posted again.
          await rest.patch(Routes.channelMessage(channelId, notification.messageRef), { body, signal });
          return { status: 'delivered' };
        }
        const posted = (await rest.post(Routes.channelMessages(channelId), { body, signal })) as { id?: unknown };
        // A channel post may be a live card: its id is what a later edit names.
        const isChannel = notification.destination.kind === 'channel';
        return {
          status: 'delivered',
          ...(isChannel && typeof posted.id === 'string' ? { messageRef: posted.id } : {}),
        };
      } catch (error) {
        if (token !== undefined && error instanceof DiscordAPIError && error.status === 401) rest.setToken(token);
        return classify(error);
      }
    },
  };
}
