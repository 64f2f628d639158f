import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const CODE_BYTES = 20; // 160 bits, above the 128 SPEC §4 asks for
const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: easy to read aloud and retype

/** A fresh invitation code: 32 base32 characters, shown once and stored only as a hash. */
export function newInvitationCode(): string {
  return base32(randomBytes(CODE_BYTES));
}

/**
 * 80 bits: a link code lives 15 minutes, works once, is replaced by the next, and only a workspace
 * admin may present one, so 90,000 guesses (100 a second for its whole life) hit with a chance of
 * about 1 in 10^19, while 16 characters in groups of four stay easy to retype on the other platform.
 */
const LINK_CODE_BYTES = 10;

/** A fresh link code (SPEC §12), `ABCD-EFGH-JKMN-PQRS`; the dashes are ignored when it comes back. */
export function newLinkCode(): string {
  return (base32(randomBytes(LINK_CODE_BYTES)).match(/.{4}/g) ?? []).join('-');
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** Codes are compared case-insensitively and without the spaces or dashes people add. */
export function canonicalCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(code: string): string {
  return createHash('sha256').update(canonicalCode(code)).digest('hex');
}

/** Constant-time comparison of a presented code against a stored hash. */
export function codeMatches(code: string, storedHash: string): boolean {
  const presented = Buffer.from(hashCode(code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Opaque ids for stored pending actions: 128 random bits, URL-safe. */
export function newActionId(): string {
  return randomBytes(16).toString('base64url');
}
