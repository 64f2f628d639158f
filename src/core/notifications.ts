import type { Platform } from './caller.ts';
import type { Role } from './roles.ts';

/** What happened, as stored in the outbox. Adapters word it for a channel or for a DM. */
export type NotificationEvent =
  | { kind: 'invitation_sent'; orgName: string; email: string; role: Role; invitedBy: string; expiresAt: number }
  | {
      kind: 'invitation_offer';
      orgName: string;
      invitationId: string;
      email: string;
      role: Role;
      invitedBy: string;
      expiresAt: number;
    }
  | { kind: 'invitation_accepted'; orgName: string; email: string; role: Role }
  | { kind: 'invitation_declined'; orgName: string; email: string }
  | { kind: 'invitation_revoked'; orgName: string; email: string; by: string }
  | { kind: 'invitation_expired'; orgName: string; email: string }
  | { kind: 'role_changed'; orgName: string; email: string; from: Role; to: Role; by: string }
  | { kind: 'member_removed'; orgName: string; email: string; by: string }
  | { kind: 'member_left'; orgName: string; email: string };

export type NotificationKind = NotificationEvent['kind'];

export type Destination =
  | { kind: 'channel'; channelId: string }
  /** A chat user id on the notification's platform. */
  | { kind: 'user'; userId: string }
  /** A person known only by email: the platform resolves it (Slack `users.lookupByEmail`). */
  | { kind: 'email'; email: string };

export interface OutboundNotification {
  readonly id: string;
  readonly orgId: string;
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly destination: Destination;
  readonly event: NotificationEvent;
  /** 1 on the first delivery attempt. */
  readonly attempt: number;
}

export type DeliveryOutcome =
  | { status: 'delivered' }
  /** Try again later; `retryAfterMs` honours a platform's hint (HTTP 429 Retry-After). */
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  /** Will never succeed (e.g. the user closed their DMs): recorded in the activity, not retried. */
  | { status: 'undeliverable'; reason: string };

/** The port each adapter implements to deliver the outbox. A thrown error counts as `retry`. */
export interface Notifier {
  readonly platform: Platform;
  deliver(notification: OutboundNotification): Promise<DeliveryOutcome>;
}
