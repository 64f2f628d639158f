import { HOUR } from './clock.ts';
import { err, ok, type Result } from './result.ts';

export const DAY = 24 * HOUR;
/** SPEC §12: a time-limited membership lasts 1 hour to 1 year (365 days). */
export const MIN_TERM_MS = HOUR;
export const MAX_TERM_MS = 365 * DAY;

const UNIT_MS: Readonly<Record<string, number>> = {
  h: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
  y: 365 * DAY,
  year: 365 * DAY,
  years: 365 * DAY,
};

/**
 * `30d`, `2w`, `1y`, `36h`, `1d12h`, `3 days` → milliseconds. Minutes and months are left out on
 * purpose: `m` would mean one to some readers and the other to the rest.
 */
export function parseTerm(input: string): Result<number> {
  const text = input.trim().toLowerCase();
  const parts = [...text.matchAll(/(\d{1,6})\s*([a-z]+)\s*/g)];
  const consumed = parts.map((p) => p[0]).join('');
  let total = 0;
  for (const [, amount, unit] of parts) {
    const ms = unit === undefined ? undefined : UNIT_MS[unit];
    if (ms === undefined) return err({ code: 'invalid_duration', input });
    total += Number(amount) * ms;
  }
  if (parts.length === 0 || consumed !== text) return err({ code: 'invalid_duration', input });
  if (total < MIN_TERM_MS || total > MAX_TERM_MS)
    return err({ code: 'duration_out_of_range', input, minMs: MIN_TERM_MS, maxMs: MAX_TERM_MS });
  return ok(total);
}

/** The ending notice goes out three days before the end, or a tenth of the term before, whichever is shorter. */
export function noticeAt(endsAt: number, termMs: number): number {
  return endsAt - Math.min(3 * DAY, Math.floor(termMs / 10));
}

export type ReminderWhich = 'half' | 'last';

/**
 * An invitation's expiry reminders: when half its time is left, and one hour before it expires.
 * When the invitation lives two hours or less the two would collide or cross, and only the first is sent.
 */
export function reminderSchedule(sentAt: number, expiresAt: number): Array<{ which: ReminderWhich; at: number }> {
  const half = sentAt + Math.floor((expiresAt - sentAt) / 2);
  const last = expiresAt - HOUR;
  return last > half
    ? [
        { which: 'half', at: half },
        { which: 'last', at: last },
      ]
    : [{ which: 'half', at: half }];
}

/** The first reminder still to come strictly after `after`, or null when none is left. */
export function nextReminderAt(sentAt: number, expiresAt: number, after: number): number | null {
  return reminderSchedule(sentAt, expiresAt).find((r) => r.at > after)?.at ?? null;
}
