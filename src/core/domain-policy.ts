import { domainFits } from './email.ts';
import { err, ok, type Result } from './result.ts';

/** RFC 1035 §2.3.4: a domain name of at most 253 characters as written. */
export const MAX_DOMAIN_LENGTH = 253;

/**
 * A domain as the list keeps it: trimmed, lower-cased, ASCII (internationalized names in their
 * punycode `xn--` form), letters, digits, hyphens and dots, at least two labels, no `@`.
 */
export function parseDomain(input: string): Result<string> {
  const domain = input.trim().toLowerCase();
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH || !domainFits(domain))
    return err({ code: 'invalid_domain', input: input.trim(), maxLength: MAX_DOMAIN_LENGTH });
  return ok(domain);
}

/** The part after the last `@` of a normalized email. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/**
 * The addresses outside the list. Only an exact domain matches: listing `example.com` does not let
 * in `eu.example.com`, which an owner lists on its own when it is theirs. No list: none are outside.
 */
export function outsideDomains(emails: readonly string[], domains: readonly string[]): string[] {
  if (domains.length === 0) return [];
  const listed = new Set(domains);
  return emails.filter((email) => !listed.has(domainOf(email)));
}
