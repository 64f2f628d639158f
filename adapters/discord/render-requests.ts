import { escapeMarkdown } from 'discord.js';
import type { DecisionOutcome, DomainsOutcome, OpenRequests, RequestOutcome } from '../../src/core/index.ts';
import { fitList } from '../shared/fit.ts';
import { askPhrase } from '../shared/request-wording.ts';
import type { ButtonRow } from './components.ts';
import { code, list, when } from './format.ts';
import { requestRow } from './request-components.ts';

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

/** Discord: at most 5 rows of buttons a message, so Approve and Deny go with the first five listed. */
const WITH_BUTTONS = 5;
/** What the lines may take of Discord's 2,000 characters, leaving room for the header and the count. */
const LINES_BUDGET = 1_700;

/** `list requests`: each open request with its age and lapse; an owner decides the first five from here. */
export function openRequestsMessage(open: OpenRequests): { content: string; components?: ButtonRow[] } {
  const org = `**${escapeMarkdown(open.orgName)}**`;
  if (open.requests.length === 0)
    return { content: open.decides ? `No open requests in ${org}.` : `You have no open requests in ${org}.` };
  const lines = open.requests.map((r, i) => {
    const who = open.decides ? `${code(r.requester)} asks for ` : 'You asked for ';
    return `${i + 1}. ${who}${askPhrase(r.ask, code)} (made ${when(r.madeAt, 'R')}, lapses ${when(r.lapsesAt, 'R')}).`;
  });
  const { shown, left } = fitList(lines, LINES_BUDGET, '\n');
  const header = open.decides
    ? `${org}: ${open.requests.length} open, oldest first.`
    : `Your open requests in ${org}; the owners decide them.`;
  const more = left > 0 ? `\n…and ${left} more; they show here once these are decided.` : '';
  const content = `${header}\n${shown}${more}`;
  if (!open.decides) return { content };
  const listed = open.requests.length - left;
  const components = open.requests
    .slice(0, Math.min(WITH_BUTTONS, listed))
    .map((r, i) => requestRow(r.requestId, undefined, `${i + 1}`));
  return { content, components };
}
