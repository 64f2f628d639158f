import type { AcceptOutcome, DeclineOutcome, InvitedEmail, InviteOutcome } from '../../../src/core/index.ts';
import { fitList } from '../../shared/fit.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime, termOf } from '../../shared/time.ts';
import { fallback, packSections, pagedReply } from './paged.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

function invitedLine(invited: InvitedEmail, now: number): string {
  const expires = `expires ${relativeTime(invited.expiresAt, now)}`;
  const email = escapeText(invited.email);
  if (invited.dmSent)
    return `• *${email}* (${roleLabel(invited.role)}${termOf(invited)}): sent them a DM with Accept and Decline, ${expires}`;
  return `• *${email}* (${roleLabel(invited.role)}${termOf(invited)}): not in this workspace. Forward them this code, shown only once: \`${invited.code}\` (they run \`/members accept ${invited.code}\`), ${expires}`;
}

/** A list of addresses under a label, as many entries as it takes to fit a section each. */
function labelledList(label: string, emails: readonly string[]): string[] {
  const entries: string[] = [];
  let rest = emails.map(escapeText);
  while (rest.length > 0) {
    const { shown, left } = fitList(rest, 2_500);
    // An address is at most 254 characters, so every entry names at least one.
    entries.push(`${entries.length === 0 ? label : `${label} (continued)`} ${shown}`);
    rest = rest.slice(rest.length - left);
  }
  return entries;
}

/** Every code reaches the inviter, however many: the reply is paged, never cut (SPEC §10). */
export function inviteResultReply(outcome: InviteOutcome, now: number): SlackReply {
  const count = outcome.invited.length;
  const summary = count > 0 ? `:white_check_mark: Invited ${count}:` : 'Nobody new was invited.';
  const entries = [
    ...outcome.invited.map((invited) => invitedLine(invited, now)),
    ...labelledList('Already members:', outcome.alreadyMembers),
    ...labelledList('Already invited (use `/members resend &lt;email&gt;`):', outcome.alreadyPending),
    ...labelledList('Outside the domain list (invited, as you are an owner):', outcome.outsideDomains ?? []),
    ...labelledList(
      'Outside the domain list, so not invited: asked the owners instead (you will hear by DM):',
      outcome.requested?.ask.purpose === 'invite' ? outcome.requested.ask.emails : [],
    ),
  ];
  const short = count > 0 ? `Invited ${count}; the codes to forward are in this message.` : summary;
  const text = fallback([summary, ...entries].join('\n'), short);
  return pagedReply(text, [section(summary)], packSections(entries, '\n'), [
    context(`Seats left: ${outcome.seatsLeft}`),
  ]);
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
