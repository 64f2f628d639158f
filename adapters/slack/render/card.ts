import type { NotificationEvent } from '../../../src/core/index.ts';
import { CARD_STATE_WORDS, cardSummary, fitCardLines } from '../../shared/card-kit.ts';
import { roleLabel } from '../../shared/roles.ts';
import { relativeTime } from '../../shared/time.ts';
import { escapeText } from './reply.ts';

type CardUpdate = Extract<NotificationEvent, { kind: 'card_update' }>;

/** Under Slack's 4,000-character message text (SPEC §10), with room for the header and the "more" line. */
const MESSAGE_BUDGET = 3_900;

/**
 * A live card as its channel message reads after an edit (SPEC §11): who invited whom, as what,
 * then one line per invitee with where they stand; past the budget, a count and where to see the rest.
 */
export function cardText(event: CardUpdate, now: number): string {
  const { card } = event;
  const header = `:envelope: ${escapeText(card.invitedBy)} invited ${card.lines.length === 1 ? 'one person' : `${card.lines.length} people`} to ${escapeText(card.orgName)} as ${roleLabel(card.role)} (${cardSummary(card)}):`;
  const more = (left: number) => `\n…and ${left} more (\`/members list pending\` shows who is still pending)`;
  const { shown, left } = fitCardLines(card, MESSAGE_BUDGET - header.length - more(100).length - 1, (line) => {
    const state =
      line.state === 'pending' ? `pending, expires ${relativeTime(line.expiresAt, now)}` : CARD_STATE_WORDS[line.state];
    return `• *${escapeText(line.email)}*: ${state}`;
  });
  return `${header}\n${shown}${left > 0 ? more(left) : ''}`;
}
