/**
 * The core's vocabulary: roles, platforms, states, activity actions and notification events.
 * It imports nothing, so the store and the adapters may share it without reaching into the core.
 */

export const ROLES = ['owner', 'billing_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Who carries a queued notification: a chat platform, or `email` (SMTP, SPEC §9), which reaches a
 * person whatever platforms the organization is on. Only the outbox and the notifiers know it.
 */
export type Carrier = Platform | 'email';

export const INVITATION_END_STATES = ['accepted', 'declined', 'revoked', 'expired'] as const;
export type InvitationEndState = (typeof INVITATION_END_STATES)[number];
export type InvitationState = 'pending' | InvitationEndState;

export type PendingActionState = 'pending' | 'done' | 'cancelled';

export const ACTIVITY_ACTIONS = [
  'org_created',
  'invited',
  'invitation_resent',
  'invitation_revoked',
  'invitation_accepted',
  'invitation_declined',
  'invitation_expired',
  'role_changed',
  'member_removed',
  'member_left',
  'channel_set',
  'owner_restored',
  'notification_undeliverable',
  'notification_delayed',
  'membership_extended',
  'removal_undone',
  // Requests instead of refusals and domain policy (SPEC §12).
  'request_made',
  'request_approved',
  'request_denied',
  'request_lapsed',
  'domain_added',
  'domain_removed',
  'ownership_transferred',
  'platform_linked',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** What happened, as stored in the outbox. Adapters word it for a channel or for a DM. */
export type NotificationEvent =
  | { kind: 'invitation_sent'; orgName: string; email: string; role: Role; invitedBy: string; expiresAt: number }
  /** One batch invite: one channel message for all of it, never one per invitee (SPEC §6). */
  | {
      kind: 'invitations_sent';
      orgName: string;
      role: Role;
      invitedBy: string;
      invitations: readonly { readonly email: string; readonly expiresAt: number }[];
    }
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
  | { kind: 'member_left'; orgName: string; email: string }
  /** To the inviter (SPEC §12): half the time is left, or the last hour; Resend and Revoke. */
  | {
      kind: 'invitation_reminder';
      orgName: string;
      invitationId: string;
      email: string;
      role: Role;
      which: 'half' | 'last';
      expiresAt: number;
    }
  /** To the inviter and the owners before a time-limited membership ends; Extend (by `durationMs`) and Let it end. */
  | { kind: 'membership_ending'; orgName: string; email: string; role: Role; endsAt: number; durationMs: number }
  /** The removal's notices when a time-limited membership ran out: the channel and the person. */
  | { kind: 'membership_ended'; orgName: string; email: string; role: Role }
  | { kind: 'membership_extended'; orgName: string; email: string; endsAt: number; by: string }
  /** The removed person is back, with their role: the channel and the person. */
  | { kind: 'removal_undone'; orgName: string; email: string; role: Role; by: string }
  /** The platform deactivated a member's chat account: the channel, with Remove from the organization. */
  | { kind: 'member_deactivated'; orgName: string; email: string; role: Role; platform: Platform }
  /**
   * A live card (SPEC §11) changed: its announcement is edited in place to show `card`, instead of a
   * new channel post; `changed` names the lines that reached an end state (what a log line says).
   */
  | {
      kind: 'card_update';
      orgName: string;
      cardId: string;
      card: InvitationCard;
      changed: readonly { readonly email: string; readonly state: InvitationEndState }[];
    }
  /** `email` is the new owner, `from` the owner who handed over and is now a member (SPEC §12). */
  | { kind: 'ownership_transferred'; orgName: string; email: string; from: string }
  /** The organization is now also on `platform` (SPEC §12 "one organization, two platforms"). */
  | { kind: 'platform_linked'; orgName: string; platform: Platform; by: string }
  /** To the owners' channel (SPEC §12): someone asks for a role or an invitation; Approve and Deny. */
  | { kind: 'request_made'; orgName: string; requestId: string; requester: string; ask: RequestAsk }
  /** To the requester: what the owners decided, or that it lapsed after 7 days. */
  | {
      kind: 'request_decided';
      orgName: string;
      requester: string;
      ask: RequestAsk;
      outcome: 'approved' | 'denied' | 'lapsed';
      /** The owner who decided; absent when it lapsed. */
      by?: string;
    };

/** Why a request exists: a role for the requester, or an invitation they could not make (SPEC §12). */
export type RequestPurpose = 'role' | 'invite';
export type RequestState = 'offered' | 'open' | 'approved' | 'denied' | 'lapsed';

/** What a request asks for: a role for oneself, or invitations refused for their role or their domains. */
export type RequestAsk =
  | { readonly purpose: 'role'; readonly role: Role }
  | {
      readonly purpose: 'invite';
      readonly emails: readonly string[];
      readonly role: Role;
      readonly reason: 'role' | 'domain';
    };

export type NotificationKind = NotificationEvent['kind'];

/** One invitee on a live card (SPEC §11), with the state of their invitation now. */
export interface CardLine {
  readonly email: string;
  readonly state: InvitationState;
  readonly expiresAt: number;
}

/** What a channel's announcement of invitations shows: who invited whom, as what, and where each stands. */
export interface InvitationCard {
  readonly orgName: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly lines: readonly CardLine[];
}

export type Destination =
  | { kind: 'channel'; channelId: string }
  /** A chat user id on the notification's platform. */
  | { kind: 'user'; userId: string }
  /** A person known only by email: the platform resolves it (Slack `users.lookupByEmail`). */
  | { kind: 'email'; email: string };

export interface OutboundNotification {
  readonly id: string;
  readonly orgId: string;
  readonly platform: Carrier;
  /** The platform's workspace; '' for email. */
  readonly workspaceId: string;
  readonly destination: Destination;
  readonly event: NotificationEvent;
  /**
   * A secret only this recipient may read (their invitation code), kept beside the event rather
   * than in it and erased from the outbox once the notification is settled.
   */
  readonly secret?: string;
  /** 1 on the first delivery attempt. */
  readonly attempt: number;
  /**
   * A `card_update`: the card's posted message to edit (Slack `ts`, Discord message id); absent
   * when the announcement left no reference, so the notifier posts the card afresh.
   */
  readonly messageRef?: string;
}

export type DeliveryOutcome =
  /** `messageRef`: the posted message (Slack `ts`, Discord id), kept so a live card can be edited later. */
  | { status: 'delivered'; messageRef?: string }
  /**
   * Try again later; `retryAfterMs` honours a platform's hint (HTTP 429 Retry-After);
   * `operatorFixable`: only an admin can fix it (a revoked token, a missing scope), so it is retried
   * with a long backoff and reported, never dropped.
   */
  | { status: 'retry'; reason: string; retryAfterMs?: number; operatorFixable?: boolean }
  /** Will never succeed (e.g. the user closed their DMs): recorded in the activity, not retried. */
  | { status: 'undeliverable'; reason: string };

/** The port each adapter implements to deliver the outbox. A thrown error counts as `retry`. */
export interface Notifier {
  readonly platform: Carrier;
  deliver(notification: OutboundNotification): Promise<DeliveryOutcome>;
}
