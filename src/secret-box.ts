import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Seals secrets kept in the database (Slack bot tokens) so a copied database or backup does not leak them. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a key derived by HKDF-SHA256 from ROLLCALL_SECRET_KEY: any long random string
 * works, and the derived key is bound to this one use. Sealed values read `v1:<base64>` (iv, tag,
 * ciphertext). Without a key, values are stored as given, and a sealed value cannot be opened.
 */
export function createSecretBox(secret: string | undefined): SecretBox {
  if (secret === undefined) {
    return {
      seal: (plain) => plain,
      open: (sealed) => {
        if (sealed.startsWith(PREFIX))
          throw new Error('a stored secret is encrypted but ROLLCALL_SECRET_KEY is not set');
        return sealed;
      },
    };
  }
  const key = Buffer.from(hkdfSync('sha256', secret, 'rollcall', 'rollcall secrets at rest v1', 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      // A token stored before the key was set is read as it is; the next install seals it.
      if (!sealed.startsWith(PREFIX)) return sealed;
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
