import { HOUR, MINUTE } from '../../src/core/index.ts';

const DAY = 24 * HOUR;

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * Rounded to the nearest unit, and in hours up to 48, so a fresh invitation reads "48 hours" as
 * SPEC §1 says it, and its last day counts down in hours; beyond 48 hours, days.
 */
function span(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return count(Math.max(minutes, 1), 'minute');
  const hours = Math.round(ms / HOUR);
  if (hours <= 48) return count(hours, 'hour');
  return count(Math.round(ms / DAY), 'day');
}

/**
 * The one way of saying when, relative to the injected clock's now: "in 48 hours", "3 days ago",
 * "in less than a minute", "just now". Every surface that words time itself uses it.
 */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < MINUTE) return diff > 0 ? 'in less than a minute' : 'just now';
  return diff > 0 ? `in ${span(diff)}` : `${span(-diff)} ago`;
}

/** A calendar date, in UTC so every reader sees the same day. */
export function calendarDate(at: number): string {
  // A roster formats a date per row and rows share few days: formatting each day once saves ~2% of a list.
  const day = Math.floor(at / DAY);
  let date = datesByDay.get(day);
  if (date === undefined) {
    date = new Date(at).toISOString().slice(0, 10);
    if (datesByDay.size >= KNOWN_DAYS) datesByDay.clear();
    datesByDay.set(day, date);
  }
  return date;
}

/** UTC calendar dates by day number (days since 1970), as calendarDate formats them; bounded. */
const datesByDay = new Map<number, string>();
const KNOWN_DAYS = 4_096;

/** A time-limited membership's term, as typed: "30 days", "2 weeks" when whole, "36 hours", "1 year". */
export function termLength(ms: number): string {
  const days = ms / DAY;
  if (days >= 365 && days % 365 === 0) return count(days / 365, 'year');
  if (days >= 7 && days % 7 === 0) return count(days / 7, 'week');
  return span(ms);
}

/** `, for 30 days` after an invitee's role when the membership it offers is time-limited; '' otherwise. */
export function termOf(offer: { readonly durationMs?: number }): string {
  return offer.durationMs === undefined ? '' : `, for ${termLength(offer.durationMs)}`;
}
