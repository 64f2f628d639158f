import type { ErrorMessages } from '../../src/core/index.ts';
import type { RequestAsk } from '../../src/core/model.ts';
import { fitList } from './fit.ts';
import { roleLabel } from './roles.ts';

/** Leaves room under the smallest platform budget (Discord's 2,000 characters) for the words around it. */
const ASK_BUDGET = 1_400;

/**
 * What a request asks for, after "asks for" / "asked for": the same words on every surface, each
 * adapter formatting the addresses its own way (escaped, in code spans). A long batch names whom it
 * can and counts the rest, since the full list travels with the request itself.
 */
export function askPhrase(ask: RequestAsk, email: (address: string) => string): string {
  if (ask.purpose === 'role') return `the role ${roleLabel(ask.role)}`;
  const { shown, left } = fitList(ask.emails.map(email), ASK_BUDGET);
  const more = left > 0 ? ` and ${left} more` : '';
  const why = ask.reason === 'domain' ? ' (outside the domain list)' : '';
  const noun = ask.emails.length === 1 ? 'an invitation' : `${ask.emails.length} invitations`;
  return `${noun} as ${roleLabel(ask.role)} for ${shown}${more}${why}`;
}

/** The requester's DM after the owners decided, or after 7 days without an answer. */
export function decisionPhrase(outcome: 'approved' | 'denied' | 'lapsed', by: string | undefined): string {
  if (outcome === 'lapsed') return 'lapsed after 7 days without an answer';
  return `was ${outcome}${by === undefined ? '' : ` by ${by}`}`;
}

type RequestRefusal =
  | 'request_not_found'
  | 'request_not_yours'
  | 'request_already_open'
  | 'request_decided'
  | 'request_expired'
  | 'request_not_needed'
  | 'invalid_domain'
  | 'domain_already_listed'
  | 'domain_not_listed';

/**
 * The refusals of requests and the domain list, worded once for every surface; `quote` shows typed
 * text the surface's own way (between quotes, or escaped in a code span).
 */
export function requestRefusals(quote: (text: string) => string): Pick<ErrorMessages<string>, RequestRefusal> {
  return {
    request_not_found: () => 'There is no such request. Nothing changed.',
    request_not_yours: () => 'Only the person who was refused can ask the owners with this button. Nothing changed.',
    request_already_open: (e) =>
      `You already have an open request for ${e.purpose === 'role' ? 'a role' : 'invitations'}; wait for the owners to answer it (requests lapse after 7 days). Nothing changed.`,
    request_decided: (e) =>
      e.state === 'lapsed'
        ? 'This request lapsed: nobody answered it within 7 days. Nothing changed.'
        : `This request was already ${e.state}. Nothing changed.`,
    request_expired: () =>
      'This is too old to act on (an Ask an owner button lasts 15 minutes, a request 7 days). Nothing changed; ask again.',
    request_not_needed: (e) => `You can give ${roleLabel(e.role)} yourself: no owner needs to approve it.`,
    invalid_domain: (e) =>
      `${quote(e.input)} is not a domain. Give one like example.com: ASCII letters, digits, hyphens and dots (punycode \`xn--\` for international names), no @, at most ${e.maxLength} characters.`,
    domain_already_listed: (e) => `${quote(e.domain)} is already on the domain list. Nothing changed.`,
    domain_not_listed: (e) => `${quote(e.domain)} is not on the domain list. Nothing changed.`,
  };
}
