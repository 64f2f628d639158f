import type { InvitedEmail, InviteOutcome } from '../../../src/core/index.ts';
import { relativeTime } from '../relative-time.ts';
import { roleName } from '../role-names.ts';
import { context, type SlackReply, section } from './reply.ts';

function invitedLine(invited: InvitedEmail, now: number): string {
  const expires = `expires ${relativeTime(invited.expiresAt, now)}`;
  if (invited.dmSent)
    return `• *${invited.email}* (${roleName(invited.role)}): sent them a DM with Accept and Decline, ${expires}`;
  return `• *${invited.email}* (${roleName(invited.role)}): not in this workspace. Forward them this code, shown only once: \`${invited.code}\` (they run \`/members accept ${invited.code}\`), ${expires}`;
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
