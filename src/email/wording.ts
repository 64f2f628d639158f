import type { Role } from '../core/model.ts';

/** SPEC §1's names for the roles, as an email spells them out to someone outside the chat. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  owner: 'Organization Owner',
  billing_admin: 'Organization Billing Admin',
  member: 'Organization Member',
};

/** An absolute time a reader in any time zone can place: `Wed, 25 Nov 2026 12:00 UTC`. */
export function utcTime(ms: number): string {
  const d = new Date(ms);
  const date = d.toUTCString().slice(0, 16);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${date} ${hh}:${mm} UTC`;
}

/** Whole hours (or minutes, under two hours) from `now` to `then`, never negative. */
export function timeLeft(then: number, now: number): string {
  const minutes = Math.max(0, Math.floor((then - now) / 60_000));
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hours`;
}
