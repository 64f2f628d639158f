import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const CODE_BYTES = 20; // 160 bits, above the 128 SPEC §4 asks for
const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: easy to read aloud and retype

/** A fresh invitation code: 32 base32 characters, shown once and stored only as a hash. */
export function newInvitationCode(): string {
  const bytes = randomBytes(CODE_BYTES);
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
