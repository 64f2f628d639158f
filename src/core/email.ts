import { z } from 'zod';

/** RFC 5321 §4.5.3.1.3 (a path of 256 octets, less its angle brackets) as RFC 3696 errata 1690 reads it. */
export const MAX_EMAIL_LENGTH = 254;
/** RFC 5321 §4.5.3.1.1. */
export const MAX_LOCAL_PART_LENGTH = 64;
/** RFC 1035 §2.3.4: a label is 1 to 63 octets. */
const MAX_LABEL_LENGTH = 63;

/** Zod checks the shape (one `@`, the characters people use); the lengths and labels are ours. */
const emailSchema = z.string().max(MAX_EMAIL_LENGTH).email();

/** RFC 1123 §2.1 host names: letters, digits and hyphens, neither starting nor ending with a hyphen. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function domainFits(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  // An all-numeric last label would make the address an IP literal in disguise (RFC 3696 §2).
  if (labels.length < 2 || /^\d+$/.test(tld)) return false;
  return labels.every((label) => label.length <= MAX_LABEL_LENGTH && LABEL.test(label));
}

/** Trimmed and lower-cased, as users are identified (SPEC §1). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** The normalized email, or undefined when it is not a valid address. */
export function parseEmail(input: string): string | undefined {
  const email = normalizeEmail(input);
  if (!emailSchema.safeParse(email).success) return undefined;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return local.length <= MAX_LOCAL_PART_LENGTH && domainFits(domain) ? email : undefined;
}
