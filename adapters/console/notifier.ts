import type { Writable } from 'node:stream';
import type { DeliveryOutcome, Notifier, OutboundNotification } from '../../src/core/index.ts';
import { destinationLabel, notificationText } from './notification-text.ts';

/** Whether a DM goes to the person the event is about (on the console a user id is an email). */
function toSubject(notification: OutboundNotification): boolean {
  const { destination, event } = notification;
  if (destination.kind === 'channel' || !('email' in event)) return false;
  const recipient = destination.kind === 'user' ? destination.userId : destination.email;
  return recipient === event.email;
}

/** Delivers console notifications by printing them, one line each, as the dispatcher hands them over. */
export function createConsoleNotifier(output: Writable): Notifier {
  return {
    platform: 'console',
    async deliver(notification: OutboundNotification): Promise<DeliveryOutcome> {
      const line = `${destinationLabel(notification.destination)} ${notificationText(notification.event, toSubject(notification))}`;
      // A closed terminal will never show it: retrying would only fill the log.
      if (output.writableEnded || output.destroyed) return { status: 'undeliverable', reason: 'console closed' };
      output.write(`${line}\n`);
      return { status: 'delivered' };
    },
  };
}
