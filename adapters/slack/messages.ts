import type { ErrorMessages } from '../../src/core/index.ts';
import { ellipsis } from '../shared/fit.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { requestRefusals } from '../shared/request-wording.ts';
import { roleLabel, roleWord } from '../shared/roles.ts';
import type { ActionWording } from '../shared/wording.ts';
import { escapeText } from './render/reply.ts';

/** Typed text shown back as code, escaped once on the way out. */
const slackCode = (text: string) => `\`${escapeText(text)}\``;

/** Every core error worded for Slack (mrkdwn). The type makes a new code fail to compile until it is here. */
export const slackMessages: ErrorMessages<string> = {
  org_not_set_up: () =>
    'This workspace has no organization yet. A workspace admin can create one with `/members setup &lt;organization name&gt;`.',
  org_already_set_up: (e) => `This workspace is already set up as *${escapeText(e.orgName)}*.`,
  not_platform_admin: () => 'Only a Slack workspace admin or owner can run setup.',
  invalid_org_name: (e) => `Give the organization a name of 1 to ${e.maxLength} characters.`,
  not_linked: () =>
    'You are not a member of this organization. You can only accept or decline an invitation: `/members accept CODE`.',
  not_a_member: () => 'You are not a member of this organization.',
  owner_only: () => 'Only an owner of the organization can do that.',
  role_not_grantable: (e) =>
    `You cannot grant *${roleLabel(e.role)}*. You may invite as: ${e.grantable.map(roleWord).join(', ')}.`,
  invalid_role: (e) => `\`${escapeText(e.input)}\` is not a role. Use owner, billing-admin or member.`,
  no_emails: () => 'Give at least one email address: `/members invite alice@example.com`.',
  invalid_emails: (e) =>
    `Nothing was invited. Not valid email addresses: ${e.emails.map((x) => `\`${escapeText(x)}\``).join(', ')}.`,
  too_many_emails: (e) => `Nothing was invited: ${e.given} addresses given, at most ${e.max} per command.`,
  over_capacity: (e) =>
    `Nothing was invited: ${e.requested} invitations would exceed the limit of ${e.limit}. Seats left: ${e.seatsLeft}.`,
  member_not_found: (e) => `${escapeText(e.email)} is not a member of this organization.`,
  invitation_not_found: (e) => `There is no invitation for ${escapeText(e.email)}.`,
  not_inviter: (e) => `Only an owner or whoever invited ${escapeText(e.email)} can do that.`,
  resend_too_soon: (e) =>
    `The invitation for ${escapeText(e.email)} was sent less than 10 minutes ago. Try again <!date^${Math.floor(e.retryAt / 1000)}^{time}|later>.`,
  invitation_not_pending: (e) => `That invitation was already ${e.state}.`,
  invitation_expired: () => 'That invitation has expired. Ask whoever invited you to resend it.',
  invalid_code: () => 'That code does not match any invitation. Check it, or ask for the invitation to be resent.',
  not_invitee: () => 'That invitation was sent to someone else.',
  identity_conflict: (e) => `Your account is already linked to ${escapeText(e.linkedEmail)}.`,
  already_member: () => 'You are already a member of this organization.',
  same_role: (e) => `${escapeText(e.email)} is already *${roleLabel(e.role)}*. Nothing changed.`,
  last_owner: (e) => `${escapeText(e.email)} is the last owner. Make someone else an owner first.`,
  use_leave: () => 'To remove yourself, use `/members leave`.',
  only_owner_cannot_leave: (e) =>
    e.candidates.length === 0
      ? 'You are the only owner and the only member, so you cannot leave.'
      : 'You are the only owner, so you cannot leave yet. Hand the organization over first: pick the new owner below, or `/members transfer &lt;email&gt;`.',
  invalid_page: (e) => `\`${escapeText(e.input)}\` is not a page number.`,
  invalid_channel: () => 'Name a channel like `/members channel #general`.',
  confirmation_not_found: () => 'This button no longer matches a pending action. Nothing changed.',
  confirmation_not_yours: () => 'Only the person who asked can confirm or cancel this. Nothing changed.',
  confirmation_expired: () => 'This confirmation is older than 15 minutes. Nothing changed; run the command again.',
  confirmation_already_used: (e) =>
    e.state === 'done'
      ? 'This was already confirmed. Nothing changed.'
      : 'This was already cancelled. Nothing changed.',
  invalid_duration: (e) =>
    `"${escapeText(ellipsis(e.input, 40))}" is not a duration. Use hours, days, weeks or years: 36h, 30d, 2w, 1y.`,
  duration_out_of_range: (e) =>
    `"${escapeText(ellipsis(e.input, 40))}" is out of range: a membership can last from 1 hour to 1 year.`,
  owner_not_time_limited: () => 'Owners cannot be time-limited: invite without a duration, or with another role.',
  not_time_limited: (e) => `*${escapeText(e.email)}* has no end date to extend.`,
  undo_not_found: () => 'There is no removal to undo.',
  undo_not_yours: () => 'Only the owner who removed them can undo it.',
  undo_expired: () => 'The ten minutes to undo this removal are over; invite them again instead.',
  undo_already_used: () => 'That removal was already undone.',
  invitation_pending: (e) =>
    `*${e.email}* was invited again meanwhile; revoke that invitation first, or let them accept it.`,
  row_not_found: () => 'That person is no longer on this list: open the Home tab or run `/members list` again.',
  row_action_not_allowed: () => 'You cannot do that to this person: the menu offers only what you may do.',
  ...requestRefusals(slackCode),
  transfer_to_self: () => 'You already own this organization. Name the member who should take over.',
  already_owner: (e) =>
    `*${escapeText(e.email)}* is already an owner. To step down yourself, use \`/members role &lt;your email&gt; member\`.`,
  invalid_link_code: () =>
    'That link code is wrong, already used, replaced by a newer one, or older than 15 minutes. Nothing changed; run `/members link` again on the other platform.',
  link_code_not_yours: () =>
    'Only the owner who ran `/members link` can use its code, and your Slack profile email is not theirs. Nothing changed.',
  already_linked: (e) => `This workspace is already part of *${escapeText(e.orgName)}*.`,
  platform_already_linked: (e) =>
    `*${escapeText(e.orgName)}* is already on ${PLATFORM_NAMES[e.platform]} in another workspace; an organization has one workspace per platform.`,
  workspace_has_members: (e) =>
    `This workspace already has its own organization, *${escapeText(e.orgName)}*, with other people in it. Nothing changed.`,
};

/** Every confirmable action in Slack's words: the question (SPEC §3), its outcome, its button. */
export const slackConfirmations: ActionWording<{ question: string; done: string; button: string }> = {
  revoke: (a) => ({
    question: `Revoke the pending invitation of *${escapeText(a.email)}* as ${roleLabel(a.role)} (sent by ${escapeText(a.invitedBy)})? They will no longer be able to accept it.`,
    done: `:white_check_mark: The invitation of *${escapeText(a.email)}* was revoked.`,
    button: 'Revoke',
  }),
  role: (a) => ({
    question: `Change *${escapeText(a.email)}* from ${roleLabel(a.from)} to ${roleLabel(a.to)}?`,
    done: `:white_check_mark: *${escapeText(a.email)}* is now ${roleLabel(a.to)} (was ${roleLabel(a.from)}).`,
    button: 'Change role',
  }),
  remove: (a) => ({
    question: `Remove *${escapeText(a.email)}* (${roleLabel(a.role)}) from the organization? They and the channel will be notified.`,
    done: `:white_check_mark: *${escapeText(a.email)}* was removed from the organization.`,
    button: 'Remove',
  }),
  leave: (a) => ({
    question: `Leave *${escapeText(a.orgName)}*? You will lose access to the organization until someone invites you again.`,
    done: `:white_check_mark: You left *${escapeText(a.orgName)}*.`,
    button: 'Leave',
  }),
  transfer: (a) => ({
    question: `Hand *${escapeText(a.orgName)}* to *${escapeText(a.email)}*? They become an owner and you become a member.`,
    done: `:white_check_mark: *${escapeText(a.email)}* now owns *${escapeText(a.orgName)}*; you are a member.`,
    button: 'Transfer ownership',
  }),
};

/** A mention Slack does not resolve to a person with an email (`<@U0GHOST>`, a lower-cased id). */
export function unknownMentionsMessage(userIds: readonly string[]): string {
  const named = userIds.map((id) => `\`@${escapeText(id)}\``).join(', ');
  return `Nothing changed: I cannot find ${named} in this workspace. Mention someone from the member list, or type their email.`;
}

/** Accept or decline without a code found nothing to act on: where an invitation would be. */
export const OWN_INVITATION_HINT =
  'If you were given a code, run `/members accept CODE`; an invitation sent to your Slack account came as a DM with Accept and Decline buttons.';

/** The one reply for anything unexpected: a reference id for the logs, never a stack trace. */
export function unexpectedMessage(ref: string): string {
  return `Something went wrong on our side. Reference: \`${ref}\`.`;
}

/** Slack refused one of our calls over its rate tier and named how long to wait. */
export function rateLimitedMessage(retryAfterS: number): string {
  return `Slack is asking Rollcall to slow down: try again in ${retryAfterS} seconds.`;
}
