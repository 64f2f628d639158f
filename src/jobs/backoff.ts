const BASE_MS = 2_000;
const MAX_MS = 60 * 60_000;
const OPERATOR_BASE_MS = 60_000;
const OPERATOR_MAX_MS = 24 * 60 * 60_000;

/** 2 s, 4 s, 8 s … capped at an hour: a failing platform is retried for as long as it takes. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * 1 min, 2 min, 4 min … capped at a day: a revoked token or a missing scope waits for an admin,
 * and hammering Slack or Discord meanwhile would only earn rate limits.
 */
export function operatorBackoffMs(attempt: number): number {
  return Math.min(OPERATOR_MAX_MS, OPERATOR_BASE_MS * 2 ** Math.min(20, Math.max(0, attempt - 1)));
}
