import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { notificationMessage } from './render-notification.ts';

/**
 * Discord JSON error codes that no retry will fix: the user closed their DMs or blocked the bot
 * (50007), the channel or user is gone (10003, 10013). Anything else, including a missing
 * permission an admin can grant, is retried with the dispatcher's backoff.
 */
const PERMANENT = new Set<number | string>([50007, 10003, 10013]);

function classify(error: unknown): DeliveryOutcome {
  if (error instanceof DiscordAPIError && PERMANENT.has(error.code)) {
    return { status: 'undeliverable', reason: `discord ${error.code}: ${error.message}` };
  }
  if (error instanceof DiscordAPIError) return { status: 'retry', reason: `discord ${error.code}: ${error.message}` };
  // HTTP 5xx, timeouts and network errors: the outbox tries again later.
  return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

async function channelFor(rest: REST, notification: OutboundNotification): Promise<string> {
  const { destination } = notification;
  if (destination.kind === 'channel') return destination.channelId;
  if (destination.kind === 'user') {
    // Opening a DM is idempotent on Discord's side: it returns the existing channel.
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: destination.userId } })) as {
      id: string;
    };
    return dm.id;
  }
  throw new Error('unreachable: email destinations are answered before');
}

/**
 * Delivers outbox rows through discord.js's REST client, whose queue already waits out rate
 * limits (HTTP 429, Retry-After); any other failure is reported back to the outbox.
 */
export function createDiscordNotifier(rest: REST): Notifier {
  return {
    platform: 'discord',
    async deliver(notification) {
      if (notification.destination.kind === 'email') {
        return { status: 'undeliverable', reason: 'Discord cannot reach a person by email address' };
      }
      try {
        const channelId = await channelFor(rest, notification);
        const body = notificationMessage(notification.event, notification.destination);
        await rest.post(Routes.channelMessages(channelId), { body });
        return { status: 'delivered' };
      } catch (error) {
        return classify(error);
      }
    },
  };
}
