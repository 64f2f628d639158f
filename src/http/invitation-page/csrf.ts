import { createHmac, timingSafeEqual } from 'node:crypto';

/** A form older than this is refused: reload the page for a fresh one. */
const TOKEN_TTL_MS = 60 * 60_000;

/**
 * A token bound to one invitation page: `issuedAt.hmac(key, path + issuedAt)`. Stateless, so any
 * process sharing the key accepts a form another served; a token for one code is worthless on
 * another's page. The origin check beside it (origin.ts) is what stops a cross-site post.
 */
export function createCsrf(key: Buffer) {
  const sign = (bound: string, issuedAt: number) =>
    createHmac('sha256', key).update(`${bound}\n${issuedAt}`).digest('base64url');
  return {
    issue(bound: string, now: number): string {
      return `${now.toString(36)}.${sign(bound, now)}`;
    },
    verify(token: string, bound: string, now: number): boolean {
      const [stamp, mac] = token.split('.');
      if (stamp === undefined || mac === undefined) return false;
      const issuedAt = Number.parseInt(stamp, 36);
      if (!Number.isSafeInteger(issuedAt) || now - issuedAt > TOKEN_TTL_MS || issuedAt > now + 60_000) return false;
      const expected = Buffer.from(sign(bound, issuedAt));
      const given = Buffer.from(mac);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

export type Csrf = ReturnType<typeof createCsrf>;
