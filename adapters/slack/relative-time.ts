const UNITS = [
  { ms: 86_400_000, name: 'day' },
  { ms: 3_600_000, name: 'hour' },
  { ms: 60_000, name: 'minute' },
] as const;

function amount(ms: number): string {
  for (const unit of UNITS) {
    if (unit.name === 'day' ? ms > 2 * unit.ms : ms >= unit.ms) {
      const n = Math.floor(ms / unit.ms);
      return `${n} ${unit.name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}

/**
 * "in 47 hours" / "3 minutes ago", from the injected clock. Days only beyond 48 hours, so the
 * 48-hour invitation window reads in hours, as people think about it.
 */
export function relativeTime(at: number, now: number): string {
  const delta = at - now;
  return delta >= 0 ? `in ${amount(delta)}` : `${amount(-delta)} ago`;
}

/** A calendar date for join dates, in UTC so every reader sees the same day. */
export function shortDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
