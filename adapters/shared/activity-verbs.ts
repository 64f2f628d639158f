import type { ActivityAction } from '../../src/core/model.ts';

/** How an activity entry reads after its actor: "owner@x removed …", on every surface. */
export const ACTIVITY_VERBS: Readonly<Record<ActivityAction, string>> = {
  org_created: 'created the organization',
  invited: 'invited',
  invitation_resent: 'resent the invitation of',
  invitation_revoked: 'revoked the invitation of',
  invitation_accepted: 'accepted the invitation',
  invitation_declined: 'declined the invitation',
  invitation_expired: 'expired the invitation of',
  role_changed: 'changed the role of',
  member_removed: 'removed',
  member_left: 'left the organization',
  channel_set: 'set the notification channel',
  owner_restored: 'restored an owner:',
  notification_undeliverable: 'could not deliver a notification to',
  notification_delayed: 'is waiting for an admin to deliver a notification to',
  membership_extended: 'extended the membership of',
  removal_undone: 'undid the removal of',
  request_made: 'asked the owners for a change',
  request_approved: 'approved the request of',
  request_denied: 'denied the request of',
  request_lapsed: 'lapsed (7 days unanswered) the request of',
  domain_added: 'added a domain to the list:',
  domain_removed: 'removed a domain from the list:',
  ownership_transferred: 'handed ownership to',
  platform_linked: 'linked another platform to the organization',
};
