import type { DecisionOutcome, DomainsOutcome, RequestOutcome } from '../../../src/core/index.ts';
import { askPhrase } from '../../shared/request-wording.ts';
import { escapeText, type SlackReply, section } from './reply.ts';
import { askButton } from './request-buttons.ts';

const bold = (email: string) => `*${escapeText(email)}*`;

/** The requester's answer: what the owners were asked, and that the outcome comes by DM. */
export function requestMadeText(outcome: RequestOutcome): string {
  return `:raising_hand: Asked the owners of *${escapeText(outcome.orgName)}* for ${askPhrase(outcome.ask, bold)}. You will hear from them by DM; the request lapses after 7 days.`;
}

/** A refusal that can become a request: the refusal as it reads, with Ask an owner under it. */
export function askableRefusal(refusal: string, offerId: string): SlackReply {
  const text = `${refusal} An owner can do it for you.`;
  return { text, blocks: [section(text), askButton(offerId)] };
}

/** What replaces the Approve and Deny card in the channel once an owner decided. */
export function decisionCardText(outcome: DecisionOutcome): string {
  const icon = outcome.decision === 'approved' ? ':white_check_mark:' : ':no_entry_sign:';
  return `${icon} ${escapeText(outcome.by)} ${outcome.decision} the request of ${escapeText(outcome.requester)} for ${askPhrase(outcome.ask, bold)}.`;
}

export function domainsText(outcome: DomainsOutcome): string {
  const list = outcome.domains.map((d) => `\`${escapeText(d)}\``).join(', ');
  const now =
    outcome.domains.length === 0
      ? 'No domain list: anyone may invite any address.'
      : `Domain list: ${list}. Invitations by non-owners to other domains become requests to the owners.`;
  if (outcome.op === 'list' || outcome.domain === undefined) return now;
  return `:white_check_mark: ${outcome.op === 'add' ? 'Added' : 'Removed'} \`${escapeText(outcome.domain)}\`. ${now}`;
}
