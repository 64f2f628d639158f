// What a member sees of the organization: the roster, its rows and what may be done to each, and
// the Slack Home (SPEC §11), apart from api.ts so that each file holds one area of the core's shapes.
import type { ActivityEntry } from './api.ts';
import type { Role } from './model.ts';

export interface ListInput {
  readonly what: 'all' | 'members' | 'pending';
}

/** What a viewer may do to one row of the roster (SPEC §11); the core decides, adapters only render it. */
export type RowAction = 'resend' | 'revoke' | 'role' | 'remove' | 'leave';

/**
 * An opaque handle on a row, all a menu carries: an invitation id, or a member reference that the
 * core resolves only inside the clicker's own organization. A click proves nothing by itself.
 */
export type RowRef = { readonly memberRef: string } | { readonly invitationId: string };

export interface RowActionInput {
  readonly row: RowRef;
  readonly action: 'revoke' | 'role' | 'remove' | 'leave';
  /** The new role's word, for `role`. */
  readonly role?: string;
}

export interface RosterMember {
  readonly ref: RowRef;
  /** What the caller may do to this row, in menu order. */
  readonly actions: readonly RowAction[];
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: number;
  /** When a time-limited membership ends; absent for one without an end. */
  readonly endsAt?: number;
}

export interface RosterInvitation {
  readonly ref: RowRef;
  readonly actions: readonly RowAction[];
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly sentAt: number;
  readonly expiresAt: number;
  /** The term of the membership it offers; absent for one without an end. */
  readonly durationMs?: number;
}

export interface Roster {
  readonly orgName: string;
  readonly limit: number;
  /** Members plus pending invitations of the whole organization, whichever half is listed. */
  readonly seatsUsed: number;
  readonly members: readonly RosterMember[];
  readonly pending: readonly RosterInvitation[];
}

/** One row, described for a follow-up form: who, in which state and role, and what the caller may do. */
export interface RosterRow {
  readonly ref: RowRef;
  readonly state: 'member' | 'pending';
  readonly email: string;
  readonly role: Role;
  readonly actions: readonly RowAction[];
}

/** The App Home: a member's view of their organization, or a stranger's own pending invitations. */
export type HomeView = MemberHome | StrangerHome;

export interface MemberHome {
  readonly kind: 'member';
  /** Opaque: the adapter keys "who has this organization's Home open" by it. */
  readonly orgId: string;
  readonly viewer: { readonly email: string; readonly role: Role };
  readonly roster: Roster;
  /** The last ten activity entries, newest first; empty for anyone but an owner. */
  readonly activity: readonly ActivityEntry[];
}

export interface StrangerHome {
  readonly kind: 'stranger';
  /** Why there is no roster: no organization here, no known email, or no membership. */
  readonly reason: 'org_not_set_up' | 'not_linked' | 'not_a_member';
  /** Pending invitations addressed to the viewer's email, from any organization, soonest to expire first. */
  readonly invitations: readonly OwnInvitation[];
}

export interface OwnInvitation {
  readonly invitationId: string;
  readonly orgName: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly expiresAt: number;
}
