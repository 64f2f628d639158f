import { escapeMarkdown } from 'discord.js';
import type { NotificationEvent } from '../../src/core/index.ts';
import { CARD_STATE_WORDS, cardSummary, fitCardLines } from '../shared/card-kit.ts';
import { roleLabel } from '../shared/roles.ts';
import { code, when } from './format.ts';

type CardUpdate = Extract<NotificationEvent, { kind: 'card_update' }>;

/** Discord's message content holds 2,000 characters (SPEC §10). */
const CONTENT_BUDGET = 2_000;

/**
 * A live card as its channel message reads after an edit (SPEC §11): who invited whom, as what,
 * then one line per invitee with where they stand; past the budget, a count and where to see the rest.
 */
export function cardContent(event: CardUpdate): string {
  const { card } = event;
  const people = card.lines.length === 1 ? 'one person' : `${card.lines.length} people`;
  const header = `${code(card.invitedBy)} invited ${people} to **${escapeMarkdown(card.orgName)}** as ${roleLabel(card.role)} (${cardSummary(card)}):`;
  const more = (left: number) => `\n…and ${left} more (\`/members list what:pending\` shows who is still pending)`;
  const { shown, left } = fitCardLines(card, CONTENT_BUDGET - header.length - more(100).length - 1, (line) => {
    const state =
      line.state === 'pending' ? `pending, expires ${when(line.expiresAt, 'R')}` : CARD_STATE_WORDS[line.state];
    return `- ${code(line.email)}: ${state}`;
  });
  return `${header}\n${shown}${left > 0 ? more(left) : ''}`;
}
