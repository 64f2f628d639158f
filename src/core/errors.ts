import type { InvitationEndState, Platform, RequestPurpose, Role } from './model.ts';

/**
 * Every expected failure of the core, as a value. The code is the contract with the adapters:
 * each adapter's messages.ts maps every code to its own wording, so a new code does not compile
 * until both can say it.
 */
export type CoreError =
  | { code: 'org_not_set_up' }
  | { code: 'org_already_set_up'; orgName: string }
  | { code: 'not_platform_admin' }
  | { code: 'invalid_org_name'; maxLength: number }
  | { code: 'not_linked' }
  | { code: 'not_a_member' }
  | { code: 'owner_only' }
  | { code: 'role_not_grantable'; role: Role; grantable: readonly Role[] }
  | { code: 'invalid_role'; input: string }
  | { code: 'no_emails' }
  | { code: 'invalid_emails'; emails: readonly string[] }
  | { code: 'too_many_emails'; given: number; max: number }
  | { code: 'over_capacity'; seatsLeft: number; requested: number; limit: number }
  | { code: 'member_not_found'; email: string }
  | { code: 'invitation_not_found'; email: string }
  | { code: 'not_inviter'; email: string }
  | { code: 'resend_too_soon'; email: string; retryAt: number }
  | { code: 'invitation_not_pending'; state: InvitationEndState }
  | { code: 'invitation_expired' }
  | { code: 'invalid_code' }
  | { code: 'not_invitee' }
  | { code: 'identity_conflict'; linkedEmail: string }
  | { code: 'already_member' }
  | { code: 'same_role'; email: string; role: Role }
  | { code: 'last_owner'; email: string }
  | { code: 'use_leave' }
  /** `candidates`: the members who could take over by `transfer` (SPEC §12), oldest first, at most 100. */
  | { code: 'only_owner_cannot_leave'; candidates: readonly string[] }
  | { code: 'invalid_page'; input: string }
  | { code: 'invalid_channel' }
  | { code: 'confirmation_not_found' }
  | { code: 'confirmation_not_yours' }
  | { code: 'confirmation_expired' }
  | { code: 'confirmation_already_used'; state: 'done' | 'cancelled' }
  | { code: 'invalid_duration'; input: string }
  | { code: 'duration_out_of_range'; input: string; minMs: number; maxMs: number }
  | { code: 'owner_not_time_limited' }
  | { code: 'not_time_limited'; email: string }
  | { code: 'undo_not_found' }
  | { code: 'undo_not_yours' }
  | { code: 'undo_expired' }
  | { code: 'undo_already_used' }
  | { code: 'invitation_pending'; email: string }
  | { code: 'row_not_found' }
  | { code: 'row_action_not_allowed' }
  | { code: 'transfer_to_self' }
  | { code: 'already_owner'; email: string }
  /** A link code that is wrong, used, replaced or past its 15 minutes: one answer, so guesses learn nothing. */
  | { code: 'invalid_link_code' }
  /** On a platform that vouches for emails, only the owner who made the code may redeem it. */
  | { code: 'link_code_not_yours' }
  | { code: 'already_linked'; orgName: string }
  /** The code's organization is already on the caller's platform, in another workspace. */
  | { code: 'platform_already_linked'; orgName: string; platform: Platform }
  /** The caller's workspace has its own organization with other people in it (SPEC §12). */
  | { code: 'workspace_has_members'; orgName: string }
  // Requests instead of refusals and domain policy (SPEC §12).
  | { code: 'request_not_found' }
  | { code: 'request_not_yours' }
  | { code: 'request_already_open'; purpose: RequestPurpose }
  | { code: 'request_decided'; state: 'approved' | 'denied' | 'lapsed' }
  | { code: 'request_expired' }
  | { code: 'request_not_needed'; role: Role }
  | { code: 'invalid_domain'; input: string; maxLength: number }
  | { code: 'domain_already_listed'; domain: string }
  | { code: 'domain_not_listed'; domain: string };

export type CoreErrorCode = CoreError['code'];

/** The shape every adapter's messages.ts implements: one wording per code, typed by its context. */
export type ErrorMessages<Out> = {
  readonly [C in CoreErrorCode]: (error: Extract<CoreError, { code: C }>) => Out;
};
