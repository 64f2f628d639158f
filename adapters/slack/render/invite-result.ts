import type { AcceptOutcome, DeclineOutcome, InvitedEmail, InviteOutcome } from '../../../src/core/index.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime } from '../../shared/time.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

function invitedLine(invited: InvitedEmail, now: number): string {
  const expires = `expires ${relativeTime(invited.expiresAt, now)}`;
  if (invited.dmSent)
    return `• *${invited.email}* (${roleLabel(invited.role)}): sent them a DM with Accept and Decline, ${expires}`;
  return `• *${invited.email}* (${roleLabel(invited.role)}): not in this workspace. Forward them this code, shown only once: \`${invited.code}\` (they run \`/members accept ${invited.code}\`), ${expires}`;
}

export function inviteResultReply(outcome: InviteOutcome, now: number): SlackReply {
  const lines: string[] = [];
  if (outcome.invited.length > 0) {
    lines.push(`:white_check_mark: Invited ${outcome.invited.length}:`);
    lines.push(...outcome.invited.map((invited) => invitedLine(invited, now)));
  } else {
    lines.push('Nobody new was invited.');
  }
  if (outcome.alreadyMembers.length > 0) lines.push(`Already members: ${outcome.alreadyMembers.join(', ')}`);
  if (outcome.alreadyPending.length > 0)
    lines.push(`Already invited (use \`/members resend <email>\`): ${outcome.alreadyPending.join(', ')}`);
  const text = lines.join('\n');
  return { text, blocks: [section(text), context(`Seats left: ${outcome.seatsLeft}`)] };
}

/** After `resend`: a fresh 48 hours, and a new code when they were not reached by DM. */
export function resendReply(invited: InvitedEmail, now: number): SlackReply {
  return { text: `:arrows_counterclockwise: Resent.\n${invitedLine(invited, now)}` };
}

export function acceptedReply(outcome: AcceptOutcome): SlackReply {
  return { text: `:tada: Welcome to *${escapeText(outcome.orgName)}*! You joined as ${roleLabel(outcome.role)}.` };
}

export function declinedReply(outcome: DeclineOutcome): SlackReply {
  return { text: `You declined the invitation to *${escapeText(outcome.orgName)}*.` };
}
