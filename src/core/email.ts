import { z } from 'zod';

export const MAX_EMAIL_LENGTH = 254;

const emailSchema = z.string().max(MAX_EMAIL_LENGTH).email();

/** Trimmed and lower-cased, as users are identified (SPEC §1). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** The normalized email, or undefined when it is not a valid address. */
export function parseEmail(input: string): string | undefined {
  const email = normalizeEmail(input);
  return emailSchema.safeParse(email).success ? email : undefined;
}
