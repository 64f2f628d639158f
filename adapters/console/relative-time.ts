const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Whole units, rounded down; hours up to two days, so an invitation's last day reads in hours. */
function span(ms: number): string {
  if (ms < HOUR) return amount(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
  if (ms < 2 * DAY) return amount(Math.floor(ms / HOUR), 'hour');
  return amount(Math.floor(ms / DAY), 'day');
}

/** "in 2 days", "5 minutes ago", "just now": times relative to the injected clock's now. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < MINUTE) return diff > 0 ? 'in less than a minute' : 'just now';
  return diff > 0 ? `in ${span(diff)}` : `${span(-diff)} ago`;
}
