import type { DomainsOutcome, OpenRequests, RequestOutcome } from '../../src/core/index.ts';
import { askPhrase } from '../shared/request-wording.ts';
import { relativeTime } from '../shared/time.ts';

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

/** `list requests`: every open request, oldest first; an owner answers each with `approve <id>` or `deny <id>`. */
export function renderOpenRequests(open: OpenRequests, now: number): string {
  if (open.requests.length === 0)
    return open.decides ? `No open requests in ${open.orgName}.` : `You have no open requests in ${open.orgName}.`;
  const header = open.decides
    ? `${open.orgName}: ${open.requests.length} open, oldest first. Answer with approve <id> or deny <id>.`
    : `Your open requests in ${open.orgName}; the owners decide them.`;
  const lines = open.requests.map((r) => {
    const who = open.decides ? `${r.requester} asks for` : 'You asked for';
    const age = `made ${relativeTime(r.madeAt, now)}, lapses ${relativeTime(r.lapsesAt, now)}`;
    return `  ${r.requestId}  ${who} ${askPhrase(r.ask, asTyped)} (${age})`;
  });
  return [header, ...lines].join('\n');
}
