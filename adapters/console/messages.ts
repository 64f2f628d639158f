import type { Clock, ErrorMessages } from '../../src/core/index.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { requestRefusals } from '../shared/request-wording.ts';
import { roleLabel, roleWord } from '../shared/roles.ts';
import { relativeTime } from '../shared/time.ts';
import type { ActionWording } from '../shared/wording.ts';

/** Typed text shown back between quotes, so an empty or spaced word is visible. */
const quoted = (text: string) => `"${text}"`;

const ONLY_ACCEPT = 'You can only accept or decline invitations here.';

/** The console's wording of every core error; the clock words retry times relative to now. */
export function createErrorMessages(clock: Clock): ErrorMessages<string> {
  return {
    org_not_set_up: () => 'This workspace has no organization yet. Create one with: setup <organization name>',
    org_already_set_up: (e) => `This workspace is already set up as ${e.orgName}.`,
    not_platform_admin: () => 'Only a workspace admin can set up an organization.',
    invalid_org_name: (e) => `An organization name needs 1 to ${e.maxLength} characters.`,
    not_linked: () => `You are not linked to a member of this organization. ${ONLY_ACCEPT}`,
    not_a_member: () => `You are not a member of this organization. ${ONLY_ACCEPT}`,
    owner_only: () => 'Only an owner can do that.',
    role_not_grantable: (e) =>
      `You cannot grant ${roleLabel(e.role)}; you may invite as ${e.grantable.map(roleWord).join(' or ')}.`,
    invalid_role: (e) => `"${e.input}" is not a role. Use owner, billing-admin or member.`,
    no_emails: () => 'Give at least one email: invite <email>[ <email>…] [as <role>]',
    invalid_emails: (e) => `Not valid email addresses: ${e.emails.join(', ')}. Nobody was invited.`,
    too_many_emails: (e) => `That is ${e.given} emails; at most ${e.max} at a time. Nobody was invited.`,
    over_capacity: (e) =>
      `Only ${e.seatsLeft} of ${e.limit} seats are left and you asked for ${e.requested}. Nobody was invited.`,
    member_not_found: (e) => `${e.email} is not a member.`,
    invitation_not_found: (e) => `There is no invitation for ${e.email}.`,
    not_inviter: (e) => `Only an owner or whoever invited ${e.email} can do that.`,
    resend_too_soon: (e) =>
      `${e.email} was sent an invitation less than 10 minutes ago; try again ${relativeTime(e.retryAt, clock())}.`,
    invitation_not_pending: (e) => `That invitation was already ${e.state}.`,
    invitation_expired: () => 'That invitation has expired. Ask whoever invited you to resend it.',
    invalid_code: () => 'That code does not match any invitation.',
    not_invitee: () => 'That invitation is for someone else.',
    identity_conflict: (e) => `Your account is already linked to ${e.linkedEmail}.`,
    already_member: () => 'You are already a member of this organization.',
    same_role: (e) => `${e.email} is already ${roleLabel(e.role)}; nothing changed.`,
    last_owner: (e) => `${e.email} is the last owner; an organization always keeps at least one owner.`,
    use_leave: () => 'To remove yourself, use: leave',
    only_owner_cannot_leave: (e) => {
      const first = e.candidates[0];
      return first === undefined
        ? 'You are the only owner and the only member, so you cannot leave.'
        : `You are the only owner, so you cannot leave yet. Hand the organization over first: transfer <email> (members: ${e.candidates.slice(0, 5).join(', ')}${e.candidates.length > 5 ? ', …' : ''}).`;
    },
    invalid_page: (e) => `"${e.input}" is not a page number.`,
    invalid_channel: () => 'That is not a channel. Use: channel #name',
    confirmation_not_found: () => 'That confirmation does not exist.',
    confirmation_not_yours: () => 'Only the person who asked can answer that confirmation.',
    confirmation_expired: () => 'That confirmation expired after 15 minutes; run the command again.',
    confirmation_already_used: (e) => (e.state === 'done' ? 'That was already done.' : 'That was already cancelled.'),
    invalid_duration: (e) => `"${e.input}" is not a duration. Use hours, days, weeks or years: 36h, 30d, 2w, 1y.`,
    duration_out_of_range: (e) => `"${e.input}" is out of range: a membership can last from 1 hour to 1 year.`,
    owner_not_time_limited: () => 'Owners cannot be time-limited: invite without a duration, or with another role.',
    not_time_limited: (e) => `${e.email} has no end date to extend.`,
    undo_not_found: () => 'There is no removal to undo.',
    undo_not_yours: () => 'Only the owner who removed them can undo it.',
    undo_expired: () => 'The ten minutes to undo this removal are over; invite them again instead.',
    undo_already_used: () => 'That removal was already undone.',
    invitation_pending: (e) =>
      `${e.email} was invited again meanwhile; revoke that invitation first, or let them accept it.`,
    // The console types emails; these come only from the chat adapters' row menus.
    row_not_found: () => 'That person is no longer on this list: run `list` again.',
    row_action_not_allowed: () => 'You cannot do that to this person.',
    ...requestRefusals(quoted),
    transfer_to_self: () => 'You already own this organization. Name the member who should take over.',
    already_owner: (e) => `${e.email} is already an owner. To step down yourself, use: role <your email> member`,
    invalid_link_code: () =>
      'That link code is wrong, already used, replaced by a newer one, or older than 15 minutes; nothing changed. Run link again on the other platform.',
    link_code_not_yours: () => 'Only the owner who ran link can use its code; nothing changed.',
    already_linked: (e) => `This workspace is already part of ${e.orgName}.`,
    platform_already_linked: (e) =>
      `${e.orgName} is already on ${PLATFORM_NAMES[e.platform]} in another workspace; an organization has one workspace per platform.`,
    workspace_has_members: (e) =>
      `This workspace already has its own organization, ${e.orgName}, with other people in it; nothing changed.`,
  };
}

/** Every confirmable action in the console's words: the yes/no question (SPEC §3) and its outcome. */
export const consoleConfirmations: ActionWording<{ question: (orgName: string) => string; done: string }> = {
  revoke: (a) => ({
    question: () => `Revoke the invitation of ${a.email} (${roleLabel(a.role)}, invited by ${a.invitedBy})? [y/N]`,
    done: `Revoked the invitation of ${a.email}; its code no longer works.`,
  }),
  role: (a) => ({
    question: (orgName) => `Change ${a.email} from ${roleLabel(a.from)} to ${roleLabel(a.to)} in ${orgName}? [y/N]`,
    done: `${a.email} is now ${roleLabel(a.to)}.`,
  }),
  remove: (a) => ({
    question: (orgName) => `Remove ${a.email} (${roleLabel(a.role)}) from ${orgName}? [y/N]`,
    done: `Removed ${a.email}.`,
  }),
  leave: (a) => ({
    question: () => `Leave ${a.orgName}? You will lose access to it. [y/N]`,
    done: `You left ${a.orgName}.`,
  }),
  transfer: (a) => ({
    question: () => `Hand ${a.orgName} to ${a.email}? They become an owner and you become a member. [y/N]`,
    done: `${a.email} now owns ${a.orgName}; you are a member.`,
  }),
};
