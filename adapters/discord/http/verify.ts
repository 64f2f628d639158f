import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** Discord's public key is 32 raw bytes in hex; node:crypto reads Ed25519 keys as JWK (`x`, base64url). */
export function discordPublicKey(hex: string): KeyObject {
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x } });
}

const SIGNATURE = /^[0-9a-f]{128}$/i;

/**
 * Discord signs `timestamp + raw body` with Ed25519 (`X-Signature-Ed25519`, hex;
 * `X-Signature-Timestamp`). The check runs on the bytes received, before any JSON parsing: a
 * re-serialized body would not verify.
 */
export function isSignedByDiscord(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (!signature || !timestamp || !SIGNATURE.test(signature)) return false;
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  try {
    return verify(null, message, key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
