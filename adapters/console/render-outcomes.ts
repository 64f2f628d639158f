import type {
  AcceptOutcome,
  ActivityPage,
  DeclineOutcome,
  ExtendOutcome,
  InvitedEmail,
  InviteOutcome,
  SetupOutcome,
} from '../../src/core/index.ts';
import { ACTIVITY_VERBS } from '../shared/activity-verbs.ts';
import { roleLabel } from '../shared/roles.ts';
import { calendarDate, relativeTime, termLength, termOf } from '../shared/time.ts';
import { columns } from './text-columns.ts';

export function renderSetup(outcome: SetupOutcome): string {
  return `Created ${outcome.orgName}. You (${outcome.ownerEmail}) are its first owner.`;
}

function invitedLine(invited: InvitedEmail, now: number, verb: string): string {
  return (
    `${verb} ${invited.email} as ${roleLabel(invited.role)}${termOf(invited)}, expires ${relativeTime(invited.expiresAt, now)}. ` +
    `Code (shown once, forward it): ${invited.code} — they run: accept ${invited.code}`
  );
}

export function renderInvite(outcome: InviteOutcome, now: number): string {
  const lines = outcome.invited.map((invited) => invitedLine(invited, now, 'Invited'));
  if (outcome.alreadyMembers.length > 0) lines.push(`Already members: ${outcome.alreadyMembers.join(', ')}.`);
  if (outcome.alreadyPending.length > 0)
    lines.push(`Already invited (use resend): ${outcome.alreadyPending.join(', ')}.`);
  if (outcome.outsideDomains !== undefined && outcome.outsideDomains.length > 0)
    lines.push(`Outside the domain list (invited, as you are an owner): ${outcome.outsideDomains.join(', ')}.`);
  if (outcome.requested?.ask.purpose === 'invite')
    lines.push(
      `Outside the domain list, so not invited: asked the owners instead: ${outcome.requested.ask.emails.join(', ')}.`,
    );
  lines.push(`${outcome.seatsLeft} ${outcome.seatsLeft === 1 ? 'seat' : 'seats'} left.`);
  return lines.join('\n');
}

export function renderResend(outcome: InvitedEmail, now: number): string {
  return `${invitedLine(outcome, now, 'Sent a new invitation to')} The old code no longer works.`;
}

export function renderExtended(outcome: ExtendOutcome, now: number): string {
  return `Extended ${outcome.email} by ${termLength(outcome.durationMs)}: the membership now ends ${relativeTime(outcome.endsAt, now)} (${calendarDate(outcome.endsAt)}).`;
}

export function renderCancelled(): string {
  return 'Cancelled; nothing changed.';
}

export function renderAccept(outcome: AcceptOutcome): string {
  return `Welcome to ${outcome.orgName}: ${outcome.email} joined as ${roleLabel(outcome.role)}.`;
}

export function renderDecline(outcome: DeclineOutcome): string {
  return `You declined the invitation to ${outcome.orgName}.`;
}

export function renderChannel(channelId: string): string {
  return `Notifications will be posted to #${channelId}.`;
}

function detailText(details: Readonly<Record<string, string>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

export function renderActivity(page: ActivityPage, now: number): string {
  const heading = `Activity, newest first (page ${page.page} of ${Math.max(page.pageCount, 1)})`;
  if (page.entries.length === 0) return `${heading}\n  (nothing yet)`;
  const rows = page.entries.map((e) => [
    relativeTime(e.at, now),
    e.actor,
    ACTIVITY_VERBS[e.action],
    e.subject ?? '',
    detailText(e.details),
  ]);
  const more = page.page < page.pageCount ? [`More: activity ${page.page + 1}`] : [];
  return [heading, ...columns(rows), ...more].join('\n');
}
