import type { DomainsOutcome, RequestOutcome } from '../../src/core/index.ts';
import { askPhrase } from '../shared/request-wording.ts';

const asTyped = (email: string) => email;

export function renderRequestMade(outcome: RequestOutcome): string {
  return `Asked the owners of ${outcome.orgName} for ${askPhrase(outcome.ask, asTyped)}. The request lapses after 7 days.`;
}

export function renderDomains(outcome: DomainsOutcome): string {
  const now =
    outcome.domains.length === 0
      ? 'No domain list: anyone may invite any address.'
      : `Domain list: ${outcome.domains.join(', ')}. Invitations by non-owners to other domains become requests to the owners.`;
  if (outcome.op === 'list' || outcome.domain === undefined) return now;
  return `${outcome.op === 'add' ? 'Added' : 'Removed'} ${outcome.domain}. ${now}`;
}
