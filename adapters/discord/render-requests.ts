import { escapeMarkdown } from 'discord.js';
import type { DecisionOutcome, DomainsOutcome, RequestOutcome } from '../../src/core/index.ts';
import { askPhrase } from '../shared/request-wording.ts';
import { code, list } from './format.ts';

/** The requester's answer: what the owners were asked, and that the outcome comes by DM. */
export function requestMadeText(outcome: RequestOutcome): string {
  return `Asked the owners of **${escapeMarkdown(outcome.orgName)}** for ${askPhrase(outcome.ask, code)}. You will hear from them by DM; the request lapses after 7 days.`;
}

/** What replaces the Approve and Deny card in the channel once an owner decided. */
export function decisionCardText(outcome: DecisionOutcome): string {
  return `${code(outcome.by)} ${outcome.decision} the request of ${code(outcome.requester)} for ${askPhrase(outcome.ask, code)}.`;
}

export function domainsText(outcome: DomainsOutcome): string {
  const now =
    outcome.domains.length === 0
      ? 'No domain list: anyone may invite any address.'
      : `Domain list: ${list(outcome.domains)}. Invitations by non-owners to other domains become requests to the owners.`;
  if (outcome.op === 'list' || outcome.domain === undefined) return now;
  return `${outcome.op === 'add' ? 'Added' : 'Removed'} ${code(outcome.domain)}. ${now}`;
}
