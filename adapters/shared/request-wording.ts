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
