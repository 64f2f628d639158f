const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Rounded to the nearest unit, so an invitation sent a moment ago reads "in 2 days", not "in 47
 * hours"; hours up to two days, so an invitation's last day reads in hours.
 */
function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return amount(minutes, 'minute');
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return amount(hours, 'hour');
  return amount(Math.round(ms / DAY), 'day');
}

/** "in 2 days", "5 minutes ago", "just now": times relative to the injected clock's now. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < MINUTE) return diff > 0 ? 'in less than a minute' : 'just now';
  return diff > 0 ? `in ${span(diff)}` : `${span(-diff)} ago`;
}
