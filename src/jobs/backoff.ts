const BASE_MS = 5_000;
const MAX_MS = 60 * 60_000;

/** 5 s, 10 s, 20 s … capped at an hour: a failing platform is retried for as long as it takes. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
}
