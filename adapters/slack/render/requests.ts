import type { types } from '@slack/bolt';
import type { DecisionOutcome, DomainsOutcome, OpenRequests, RequestOutcome } from '../../../src/core/index.ts';
import { askPhrase } from '../../shared/request-wording.ts';
import { relativeTime } from '../../shared/time.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';
import { askButton, requestButtons } from './request-buttons.ts';

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

/** Requests shown in one message: a line and (for owners) Approve and Deny each, within Slack's 50 blocks. */
const REQUESTS_SHOWN = 20;

/** `list requests`: each open request with its age and lapse; an owner decides from here too. */
export function openRequestsReply(open: OpenRequests, now: number): SlackReply {
  const org = `*${escapeText(open.orgName)}*`;
  if (open.requests.length === 0)
    return { text: open.decides ? `No open requests in ${org}.` : `You have no open requests in ${org}.` };
  const count = open.requests.length;
  const header = open.decides
    ? `${org}: ${count} open request${count === 1 ? '' : 's'}, oldest first.`
    : `Your open requests in ${org}; the owners decide them.`;
  const blocks: types.KnownBlock[] = [section(header)];
  for (const r of open.requests.slice(0, REQUESTS_SHOWN)) {
    const who = open.decides ? `${bold(r.requester)} asks for ` : 'You asked for ';
    const age = `made ${relativeTime(r.madeAt, now)}, lapses ${relativeTime(r.lapsesAt, now)}`;
    blocks.push(section(`${who}${askPhrase(r.ask, bold)} (${age}).`));
    if (open.decides) blocks.push(requestButtons(r.requestId));
  }
  if (count > REQUESTS_SHOWN)
    blocks.push(context(`${count - REQUESTS_SHOWN} more; they show here once these are decided.`));
  return { text: header, blocks };
}
