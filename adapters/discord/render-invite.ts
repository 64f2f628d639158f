import { escapeMarkdown } from 'discord.js';
import type { AcceptOutcome, InvitedEmail, InviteOutcome, SetupOutcome } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { termOf } from '../shared/time.ts';
import { code, list, when } from './format.ts';

/** One invitation: DMed to the invitee, or a code to forward, shown this once (SPEC §4). */
export function invitedLine(invited: InvitedEmail, userId?: string): string {
  const head = `${code(invited.email)} as ${roleLabel(invited.role)}${termOf(invited)}, expires ${when(invited.expiresAt, 'R')}`;
  if (invited.dmSent) return `• ${head}: I will DM ${userId ? `<@${userId}>` : 'them'} Accept and Decline buttons.`;
  return `• ${head}: forward the code ${code(invited.code)}; they run \`/members accept code:${invited.code}\`. It is shown only this once.`;
}

export function inviteText(outcome: InviteOutcome, userId?: string): string {
  const lines: string[] = [];
  if (outcome.invited.length > 0) {
    lines.push(`Invited ${outcome.invited.length}:`, ...outcome.invited.map((i) => invitedLine(i, userId)));
  }
  if (outcome.alreadyMembers.length > 0) lines.push(`Already members: ${list(outcome.alreadyMembers)}.`);
  if (outcome.alreadyPending.length > 0) {
    lines.push(`Already invited, use \`/members resend\`: ${list(outcome.alreadyPending)}.`);
  }
  if (outcome.outsideDomains !== undefined && outcome.outsideDomains.length > 0)
    lines.push(`Outside the domain list (invited, as you are an owner): ${list(outcome.outsideDomains)}.`);
  if (outcome.requested?.ask.purpose === 'invite')
    lines.push(
      `Outside the domain list, so not invited: asked the owners instead (you will hear by DM): ${list(outcome.requested.ask.emails)}.`,
    );
  lines.push(`${outcome.seatsLeft} ${outcome.seatsLeft === 1 ? 'seat' : 'seats'} left.`);
  return lines.join('\n');
}

export function resendText(invited: InvitedEmail): string {
  return `Resent; the old code no longer works.\n${invitedLine(invited)}`;
}

export function acceptedText(outcome: AcceptOutcome): string {
  return `Welcome to **${escapeMarkdown(outcome.orgName)}**: you joined as ${roleLabel(outcome.role)} (${code(outcome.email)}), and this Discord account is linked to that email.`;
}

export function declinedText(outcome: { orgName: string; email: string }): string {
  return `You declined the invitation of ${code(outcome.email)} to **${escapeMarkdown(outcome.orgName)}**.`;
}

export function setupText(outcome: SetupOutcome): string {
  return `**${escapeMarkdown(outcome.orgName)}** is set up for this server, and you (${code(outcome.ownerEmail)}) are its first Organization Owner. Choose where notifications go with \`/members channel\`.`;
}
