import type {
  AskOffer,
  DecisionOutcome,
  DomainsInput,
  DomainsOutcome,
  LinkCode,
  LinkOutcome,
  OpenRequests,
  RedeemLinkInput,
  RequestOutcome,
} from './api-requests.ts';
import type { HomeView, ListInput, Roster, RosterRow, RowActionInput, RowRef } from './api-roster.ts';
import type { Caller } from './caller.ts';
import type { ActivityAction, Platform, Role } from './model.ts';
import type { Result } from './result.ts';

export type * from './api-requests.ts';
export type * from './api-roster.ts';

/** The membership core: every rule of SPEC §2–§4, whatever adapter calls it. */
export interface MembershipCore {
  setup(caller: Caller, input: SetupInput): Promise<Result<SetupOutcome>>;
  invite(caller: Caller, input: InviteInput): Promise<Result<InviteOutcome>>;
  list(caller: Caller, input: ListInput): Promise<Result<Roster>>;
  resend(caller: Caller, input: ResendInput): Promise<Result<ResendOutcome>>;
  requestRevoke(caller: Caller, input: { email: string }): Promise<Result<PendingConfirmation>>;
  requestRoleChange(caller: Caller, input: { email: string; role: string }): Promise<Result<PendingConfirmation>>;
  requestRemove(caller: Caller, input: { email: string }): Promise<Result<PendingConfirmation>>;
  requestLeave(caller: Caller): Promise<Result<PendingConfirmation>>;
  confirm(caller: Caller, input: { actionId: string }): Promise<Result<ConfirmedOutcome>>;
  cancel(caller: Caller, input: { actionId: string }): Promise<Result<CancelledOutcome>>;
  accept(caller: Caller, input: InvitationRef): Promise<Result<AcceptOutcome>>;
  decline(caller: Caller, input: InvitationRef): Promise<Result<DeclineOutcome>>;
  activity(caller: Caller, input: { page?: string | number }): Promise<Result<ActivityPage>>;
  setChannel(caller: Caller, input: { channelId: string }): Promise<Result<{ channelId: string }>>;
  /** Owners push a time-limited membership's end by a duration (SPEC §12). */
  extend(caller: Caller, input: ExtendInput): Promise<Result<ExtendOutcome>>;
  /** The owner who removed someone restores them, within ten minutes, if a seat is free (SPEC §12). */
  undoRemoval(caller: Caller, input: { undoId: string }): Promise<Result<UndoOutcome>>;
  /**
   * Told by an adapter that the platform deactivated this account (no caller: the platform did it).
   * Prompts the owners to remove the person when they are a member; nothing for a stranger.
   */
  platformUserDeactivated(account: Caller): Promise<DeactivationOutcome>;
  /** The App Home (SPEC §11): the roster with what the caller may do to each row, or a stranger's own invitations. */
  home(caller: Caller): Promise<Result<HomeView>>;
  /** One row of the roster as the caller sees it now, with what they may do to it (a role form, Discord's buttons). */
  describeRow(caller: Caller, input: { row: RowRef }): Promise<Result<RosterRow>>;
  /** A row menu's confirmable action: checked as the typed command would be, then stored like it (SPEC §3). */
  requestRowAction(caller: Caller, input: RowActionInput): Promise<Result<PendingConfirmation>>;
  /** A row menu's Resend: the typed `resend` of that row's invitation. */
  resendRow(caller: Caller, input: { row: RowRef }): Promise<Result<ResendOutcome>>;
  /** The caller's own membership, for help texts and role-aware forms (an invite modal). */
  whoAmI(caller: Caller): Promise<Result<{ email: string; role: Role; orgName: string }>>;
  /** Emails for autocomplete: verified members or pending invitees matching the prefix, at most `limit`. */
  suggestEmails(
    caller: Caller,
    input: { among: 'members' | 'pending'; prefix: string; limit: number },
  ): Promise<readonly string[]>;
  /** The invitation page (SPEC §9): the emailed link is the proof of owning the mailbox, so no caller. */
  viewInvitation(input: LinkRef): Promise<Result<InvitationView>>;
  acceptByLink(input: LinkRef): Promise<Result<LinkAnswer>>;
  declineByLink(input: LinkRef): Promise<Result<LinkAnswer>>;
  /** An owner hands the organization to a member: one confirmation, one transaction (SPEC §12). */
  requestTransfer(caller: Caller, input: { email: string }): Promise<Result<PendingConfirmation>>;
  /** An owner asks for a code that binds another platform's workspace to this organization (SPEC §12). */
  createLinkCode(caller: Caller): Promise<Result<LinkCode>>;
  /** An admin of another workspace binds it to the code's organization, linking their account to the code's owner. */
  redeemLinkCode(caller: Caller, input: RedeemLinkInput): Promise<Result<LinkOutcome>>;
  // Requests instead of refusals and domain policy (SPEC §12).
  /** A member asks the owners for a role for themselves. */
  requestRole(caller: Caller, input: { role: string }): Promise<Result<RequestOutcome>>;
  /**
   * After `invite` refused a role the caller may not grant: keeps the invite as an offer for 15
   * minutes, visible to nobody, whose id the Ask an owner button carries. The refusal changed nothing.
   */
  offerAsk(caller: Caller, input: { emails: readonly string[]; role: string }): Promise<Result<AskOffer>>;
  /** The Ask an owner click: the offer becomes an open request and the owners are asked. */
  askOwner(caller: Caller, input: { offerId: string }): Promise<Result<RequestOutcome>>;
  /** Owners only: runs the change as the approving owner, every rule checked now; at most once. */
  approveRequest(caller: Caller, input: { requestId: string }): Promise<Result<DecisionOutcome>>;
  denyRequest(caller: Caller, input: { requestId: string }): Promise<Result<DecisionOutcome>>;
  /** Open requests: an owner sees all of them (to decide), anyone else their own. */
  listRequests(caller: Caller): Promise<Result<OpenRequests>>;
  /** The domain list (owners): list it, or add or remove one domain. */
  domains(caller: Caller, input: DomainsInput): Promise<Result<DomainsOutcome>>;
}

export interface SetupInput {
  readonly orgName: string;
  /** The adapter's finding: the caller administers the workspace on their platform (SPEC §2 setup). */
  readonly isPlatformAdmin: boolean;
  /** Where the platform has no verified email: the admin states theirs, which links their account (SPEC §4a). */
  readonly email?: string;
  /** The notification channel to start with, for platforms with a single obvious one (the console's terminal). */
  readonly defaultChannelId?: string;
}

export interface InviteInput {
  /** Raw words from the command; the core validates, normalizes and de-duplicates them. */
  readonly emails: readonly string[];
  /** Raw role word (`billing-admin`, `Owner`, …); `member` when absent. */
  readonly role?: string;
  /**
   * Invitees the adapter can reach on the caller's platform, normalized email → chat user id
   * (a directory lookup by email, or a user the inviter picked). They get a DM with Accept and Decline.
   */
  readonly reachable?: Readonly<Record<string, string>>;
  /**
   * Raw duration word (`30d`, `2w`, `36h`, `1y`) for a time-limited membership (SPEC §12): 1 hour to
   * 1 year, not for owners. The membership ends that long after the invitation is accepted.
   */
  readonly duration?: string;
}

export interface InvitedEmail {
  readonly email: string;
  readonly role: Role;
  /** Shown once: the inviter forwards it when the invitee was not reached by DM. */
  readonly code: string;
  readonly expiresAt: number;
  readonly dmSent: boolean;
  /** An email with the code and the invitation page's link is on its way (SMTP configured, SPEC §4). */
  readonly emailed: boolean;
  /** The term of a time-limited membership; absent for one without an end. */
  readonly durationMs?: number;
}

export interface InviteOutcome {
  readonly invited: readonly InvitedEmail[];
  readonly alreadyMembers: readonly string[];
  /** Already invited and still pending: use `resend`. */
  readonly alreadyPending: readonly string[];
  readonly seatsLeft: number;
  /** Domain policy, an owner inviting: invited, but outside the organization's domain list. */
  readonly outsideDomains?: readonly string[];
  /** Domain policy, a non-owner inviting: these addresses were not invited but asked of the owners. */
  readonly requested?: RequestOutcome;
}

export interface ResendInput {
  readonly email: string;
  /** Chat user id of the invitee on the caller's platform, when the adapter can DM them. */
  readonly reachableUserId?: string;
}

export type ResendOutcome = InvitedEmail;

/** What a confirm button will do, described exactly (SPEC §3). */
export type ConfirmableAction =
  | { kind: 'revoke'; email: string; role: Role; invitedBy: string }
  | { kind: 'role'; email: string; from: Role; to: Role }
  | { kind: 'remove'; email: string; role: Role }
  | { kind: 'leave'; email: string; orgName: string }
  /** `email` becomes owner (was `from`); the caller becomes a member (SPEC §12). */
  | { kind: 'transfer'; email: string; from: Role; orgName: string };

export interface PendingConfirmation {
  /** Opaque id of the stored pending action; the only thing a button carries. */
  readonly actionId: string;
  readonly expiresAt: number;
  readonly action: ConfirmableAction;
}

export interface ConfirmedOutcome {
  readonly action: ConfirmableAction;
  /** A removal's Undo (SPEC §12): for the owner who removed, until `expiresAt`. */
  readonly undo?: UndoHandle;
}

export interface UndoHandle {
  /** Opaque id of the stored removal; the only thing an Undo button carries. */
  readonly undoId: string;
  readonly expiresAt: number;
}

export interface UndoOutcome {
  readonly email: string;
  readonly role: Role;
  /** The restored membership's end, when it is time-limited. */
  readonly endsAt?: number;
}

export interface ExtendInput {
  readonly email: string;
  /** Raw duration word (`30d`); the membership's last term when absent (the Extend button). */
  readonly duration?: string;
}

export interface ExtendOutcome {
  readonly email: string;
  readonly endsAt: number;
  readonly durationMs: number;
}

export interface DeactivationOutcome {
  /** Whether owners were prompted: false for an account linked to no member of the bound organization. */
  readonly prompted: boolean;
}

/** A cancelled confirmation: what would have run, so the message can say what was called off. */
export interface CancelledOutcome {
  readonly action: ConfirmableAction;
}

/**
 * Which invitation: by its code, by the id a DM button carries, or `own` (SPEC §4: accept without a
 * code) — the one pending invitation of the caller's organization addressed to the caller's email.
 */
export type InvitationRef = { readonly code: string } | { readonly invitationId: string } | { readonly own: true };

/** The code from an emailed link `PUBLIC_URL/invitations/<code>`. */
export interface LinkRef {
  readonly code: string;
}

/** A pending invitation as its page shows it. */
export interface InvitationView {
  readonly orgName: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly expiresAt: number;
  /** The chat platforms the organization is on, to say where to find it once joined. */
  readonly platforms: readonly Platform[];
}

export interface LinkAnswer {
  readonly answer: 'accepted' | 'declined';
  readonly orgName: string;
  readonly email: string;
  readonly role: Role;
  readonly platforms: readonly Platform[];
}

export interface AcceptOutcome {
  readonly orgName: string;
  readonly email: string;
  readonly role: Role;
}

export interface DeclineOutcome {
  readonly orgName: string;
  readonly email: string;
}

export interface SetupOutcome {
  readonly orgId: string;
  readonly orgName: string;
  readonly ownerEmail: string;
}

export interface ActivityEntry {
  readonly at: number;
  /** Email of who did it, or `system` for the expiry job. */
  readonly actor: string;
  readonly action: ActivityAction;
  /** Email it was done to, when there is one. */
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string>>;
}

export interface ActivityPage {
  readonly entries: readonly ActivityEntry[];
  readonly page: number;
  readonly pageCount: number;
}
