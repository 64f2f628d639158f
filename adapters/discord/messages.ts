import { escapeMarkdown } from 'discord.js';
import type { ErrorMessages } from '../../src/core/index.ts';
import { ellipsis } from '../shared/fit.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { requestRefusals } from '../shared/request-wording.ts';
import { roleLabel } from '../shared/roles.ts';
import type { ActionWording } from '../shared/wording.ts';
import { code, list, when } from './format.ts';

/** Discord's wording for every expected failure of the core (the codes live in src/core/errors.ts). */
export const messages: ErrorMessages<string> = {
  org_not_set_up: () => 'This server has no organization yet. A server manager can create one with `/members setup`.',
  org_already_set_up: (e) => `This server already belongs to **${escapeMarkdown(e.orgName)}**: setup runs only once.`,
  not_platform_admin: () => 'Only members with the **Manage Server** or **Administrator** permission can run setup.',
  invalid_org_name: (e) => `The organization name must be 1 to ${e.maxLength} characters.`,
  not_linked: () =>
    'Your Discord account is not linked to a member of this organization. You can accept or decline an invitation: click its button in my DM, or run `/members accept code:…`.',
  not_a_member: () => 'You are not a member of this organization.',
  owner_only: () => 'Only an Organization Owner can do that.',
  role_not_grantable: (e) =>
    `You cannot grant ${roleLabel(e.role)}; you may invite as ${e.grantable.map(roleLabel).join(' or ')}.`,
  invalid_role: (e) => `${code(e.input)} is not a role: use owner, billing-admin or member.`,
  no_emails: () => 'Give at least one email address.',
  invalid_emails: (e) =>
    `Nothing was done: ${e.emails.length === 1 ? 'this is not a valid email' : 'these are not valid emails'}: ${list(e.emails)}.`,
  too_many_emails: (e) => `That is ${e.given} emails; invite at most ${e.max} at a time.`,
  over_capacity: (e) =>
    `Nothing was done: ${e.requested} more would exceed the limit of ${e.limit}; ${e.seatsLeft} ${e.seatsLeft === 1 ? 'seat is' : 'seats are'} left.`,
  member_not_found: (e) => `${code(e.email)} is not a member of this organization.`,
  invitation_not_found: (e) => `There is no invitation for ${code(e.email)}.`,
  not_inviter: (e) => `Only an owner or the person who invited ${code(e.email)} can do that.`,
  resend_too_soon: (e) =>
    `The invitation for ${code(e.email)} was just sent; you can resend it ${when(e.retryAt, 'R')}.`,
  invitation_not_pending: (e) => `That invitation is no longer open: it was ${e.state}.`,
  invitation_expired: () => 'That invitation has expired. Ask whoever invited you to resend it.',
  invalid_code: () => 'That code does not match an open invitation. Check it, or ask for the invitation to be resent.',
  not_invitee: () => 'That invitation was addressed to someone else.',
  identity_conflict: (e) =>
    `Your Discord account is already linked to ${code(e.linkedEmail)}; it cannot take another email.`,
  already_member: () => 'You are already a member of this organization.',
  same_role: (e) => `${code(e.email)} is already ${roleLabel(e.role)}: nothing changed.`,
  last_owner: (e) => `${code(e.email)} is the last Organization Owner; make someone else an owner first.`,
  use_leave: () => 'To remove yourself, use `/members leave`.',
  only_owner_cannot_leave: (e) =>
    e.candidates.length === 0
      ? 'You are the only Organization Owner and the only member, so you cannot leave.'
      : 'You are the only Organization Owner, so you cannot leave yet. Hand the organization over first: pick the new owner below, or run `/members transfer`.',
  invalid_page: (e) => `${code(e.input)} is not a page number.`,
  invalid_channel: () => 'Pick a text channel of this server for notifications.',
  confirmation_not_found: () => 'That confirmation no longer exists: nothing changed.',
  confirmation_not_yours: () => 'Only the person who asked can confirm or cancel this: nothing changed.',
  confirmation_expired: () => 'This confirmation expired after 15 minutes: nothing changed. Run the command again.',
  confirmation_already_used: (e) =>
    e.state === 'done'
      ? 'This was already confirmed: it ran once and will not run again.'
      : 'This was cancelled: nothing changed.',
  invalid_duration: (e) =>
    `${code(ellipsis(e.input, 40))} is not a duration. Use hours, days, weeks or years: 36h, 30d, 2w, 1y.`,
  duration_out_of_range: (e) =>
    `${code(ellipsis(e.input, 40))} is out of range: a membership can last from 1 hour to 1 year.`,
  owner_not_time_limited: () => 'Owners cannot be time-limited: invite without a duration, or with another role.',
  not_time_limited: (e) => `${code(e.email)} has no end date to extend.`,
  undo_not_found: () => 'There is no removal to undo.',
  undo_not_yours: () => 'Only the owner who removed them can undo it.',
  undo_expired: () => 'The ten minutes to undo this removal are over; invite them again instead.',
  undo_already_used: () => 'That removal was already undone.',
  invitation_pending: (e) =>
    `${code(e.email)} was invited again meanwhile; revoke that invitation first, or let them accept it.`,
  row_not_found: () => 'That person is no longer on this list: run `/members list` again.',
  row_action_not_allowed: () => 'You cannot do that to this person: the list offers only what you may do.',
  ...requestRefusals(code),
  transfer_to_self: () => 'You already own this organization. Name the member who should take over.',
  already_owner: (e) => `${code(e.email)} is already an owner. To step down yourself, use \`/members role\`.`,
  invalid_link_code: () =>
    'That link code is wrong, already used, replaced by a newer one, or older than 15 minutes. Nothing changed; run `/members link` again on the other platform.',
  link_code_not_yours: () => 'Only the owner who ran `/members link` can use its code. Nothing changed.',
  already_linked: (e) => `This server is already part of **${escapeMarkdown(e.orgName)}**.`,
  platform_already_linked: (e) =>
    `**${escapeMarkdown(e.orgName)}** is already on ${PLATFORM_NAMES[e.platform]} in another server; an organization has one server per platform.`,
  workspace_has_members: (e) =>
    `This server already has its own organization, **${escapeMarkdown(e.orgName)}**, with other people in it. Nothing changed.`,
};

/** Every confirmable action in Discord's words: the question (SPEC §3), its outcome, its button. */
export const confirmations: ActionWording<{ question: string; done: string; button: string }> = {
  revoke: (a) => ({
    question: `Revoke the pending invitation of ${code(a.email)} (${roleLabel(a.role)}, invited by ${code(a.invitedBy)})? It can no longer be accepted.`,
    done: `Revoked the invitation of ${code(a.email)}.`,
    button: 'Revoke invitation',
  }),
  role: (a) => ({
    question: `Change the role of ${code(a.email)} from ${roleLabel(a.from)} to ${roleLabel(a.to)}?`,
    done: `${code(a.email)} is now ${roleLabel(a.to)} (was ${roleLabel(a.from)}).`,
    button: `Make ${roleLabel(a.to)}`,
  }),
  remove: (a) => ({
    question: `Remove ${code(a.email)} (${roleLabel(a.role)}) from the organization? They lose access and are told so.`,
    done: `Removed ${code(a.email)} from the organization.`,
    button: 'Remove member',
  }),
  leave: (a) => ({
    question: `Leave **${escapeMarkdown(a.orgName)}**? You (${code(a.email)}) will no longer have access to it.`,
    done: `You left **${escapeMarkdown(a.orgName)}**.`,
    button: 'Leave organization',
  }),
  transfer: (a) => ({
    question: `Hand **${escapeMarkdown(a.orgName)}** to ${code(a.email)}? They become an owner and you become a member.`,
    done: `${code(a.email)} now owns **${escapeMarkdown(a.orgName)}**; you are a member.`,
    button: 'Transfer ownership',
  }),
};
