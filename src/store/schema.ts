import type { Generated } from 'kysely';
import type {
  Carrier,
  InvitationState,
  PendingActionState,
  Platform,
  RequestPurpose,
  RequestState,
  Role,
} from '../core/model.ts';

/** Every table's row type. Times are milliseconds since the epoch (bigint on PostgreSQL). */
export interface Database {
  organizations: OrganizationTable;
  bindings: BindingTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  chat_identities: ChatIdentityTable;
  pending_actions: PendingActionTable;
  activity: ActivityTable;
  outbox: OutboxTable;
  removals: RemovalTable;
  slack_installations: SlackInstallationTable;
  requests: RequestTable;
  org_domains: OrgDomainTable;
  cards: CardTable;
  card_lines: CardLineTable;
  link_codes: LinkCodeTable;
}

export interface SlackInstallationTable {
  team_id: string;
  team_name: string | null;
  enterprise_id: string | null;
  app_id: string | null;
  bot_token: string;
  bot_user_id: string;
  bot_id: string | null;
  bot_scopes: string;
  installer_user_id: string;
  installed_at: number;
}

export interface OrganizationTable {
  id: string;
  name: string;
  member_limit: number;
  created_at: number;
  /** Bumped by every membership change: the update that serializes an organization's writers. */
  version: number;
}

/** An organization bound to one Slack workspace, Discord server or the console. */
export interface BindingTable {
  platform: Platform;
  workspace_id: string;
  org_id: string;
  channel_id: string | null;
}

export interface MembershipTable {
  org_id: string;
  email: string;
  role: Role;
  joined_at: number;
  /** A time-limited membership's end (SPEC §12); null for one without an end. */
  ends_at: number | null;
  /** Its last term, the default step of an extension. */
  duration_ms: number | null;
  /** When the ending notice is due; null once it went out (or for a membership without an end). */
  notice_at: number | null;
  invited_by: string | null;
}

export interface InvitationTable {
  id: string;
  org_id: string;
  email: string;
  role: Role;
  state: InvitationState;
  code_hash: string;
  invited_by: string;
  created_at: number;
  sent_at: number;
  expires_at: number;
  resolved_at: number | null;
  /** The chat account the invitation was addressed to (Discord `user` option, Slack lookup). */
  target_platform: Platform | null;
  target_user_id: string | null;
  /** When the next expiry reminder is due; null when none is left. */
  remind_at: number | null;
  /** The term of the membership it offers; null for one without an end. */
  duration_ms: number | null;
}

/** A chat account linked to an email (SPEC §4). Slack: workspace is the team id; Discord: ''. */
export interface ChatIdentityTable {
  platform: Platform;
  workspace_id: string;
  user_id: string;
  email: string;
  linked_at: number;
}

export interface PendingActionTable {
  id: string;
  org_id: string;
  requested_by: string;
  /** JSON of the ConfirmableAction it will run. */
  action: string;
  state: PendingActionState;
  created_at: number;
  resolved_at: number | null;
}

export interface ActivityTable {
  seq: Generated<number>;
  org_id: string;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  /** JSON object of string details. */
  details: string;
}

export type OutboxState = 'pending' | 'delivered' | 'undeliverable';

export interface OutboxTable {
  id: string;
  org_id: string;
  platform: Carrier;
  /** '' for email. */
  workspace_id: string;
  /** JSON of the Destination. */
  destination: string;
  /** JSON of the NotificationEvent. */
  event: string;
  state: OutboxState;
  attempts: number;
  created_at: number;
  /** When it may next be tried; a claim pushes it out by the lease so a crashed claimer's rows return. */
  next_attempt_at: number;
  delivered_at: number | null;
  last_error: string | null;
  /** The recipient's invitation code for an email (migration 005); erased once the row is settled. */
  secret: string | null;
  /** The live card this row posts or edits (migration 008); null for every other notice. */
  card_id: string | null;
}

export type CardState = 'live' | 'retired';

/** A channel's announcement of invitations, edited in place as they end (SPEC §11, migration 008). */
export interface CardTable {
  id: string;
  org_id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  invited_by: string;
  role: Role;
  /** The posted message (Slack `ts`, Discord message id); null until the platform named it. */
  message_ref: string | null;
  /** `retired`: the platform refused it for good (the message was deleted); no more edits. */
  state: CardState;
  created_at: number;
}

export interface CardLineTable {
  card_id: string;
  invitation_id: string;
  position: number;
}

/** A removal its owner may undo for ten minutes: the membership as it was. */
export interface RemovalTable {
  id: string;
  org_id: string;
  email: string;
  role: Role;
  joined_at: number;
  ends_at: number | null;
  duration_ms: number | null;
  notice_at: number | null;
  invited_by: string | null;
  removed_by: string;
  removed_at: number;
  undone_at: number | null;
}

/** A request instead of a refusal (migration 009): a role for oneself, or an invitation. */
export interface RequestTable {
  id: string;
  org_id: string;
  requester: string;
  purpose: RequestPurpose;
  payload: string;
  state: RequestState;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
}

/** The organization's domain list (migration 009): non-owners' invitations elsewhere become requests. */
export interface OrgDomainTable {
  org_id: string;
  domain: string;
  added_by: string;
  added_at: number;
}

/** Migration 010: the one live link code of an organization, stored as a hash. */
export interface LinkCodeTable {
  org_id: string;
  code_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number;
}
