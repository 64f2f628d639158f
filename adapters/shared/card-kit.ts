import type { CardLine, InvitationCard, InvitationState } from '../../src/core/model.ts';
import { fitList } from './fit.ts';

/** How a live card names an invitation's end state (SPEC §11); a pending line says when it expires instead. */
export const CARD_STATE_WORDS: Readonly<Record<Exclude<InvitationState, 'pending'>, string>> = {
  accepted: 'accepted ✓',
  declined: 'declined',
  revoked: 'revoked',
  expired: 'expired',
};

const ORDER: readonly InvitationState[] = ['accepted', 'pending', 'declined', 'revoked', 'expired'];

/** "2 invited: 1 accepted, 1 expired": true for the whole card even when its lines do not all fit. */
export function cardSummary(card: InvitationCard): string {
  const counts = ORDER.map((state) => ({ state, n: card.lines.filter((l) => l.state === state).length })).filter(
    (c) => c.n > 0,
  );
  return `${card.lines.length} invited: ${counts.map((c) => `${c.n} ${c.state}`).join(', ')}`;
}

/**
 * The card's lines, each worded by the adapter, as many as fit in `budget` characters one per line;
 * the summary above them still counts every invitee (SPEC §10: never cut so information is lost).
 */
export function fitCardLines(
  card: InvitationCard,
  budget: number,
  lineOf: (line: CardLine) => string,
): { shown: string; left: number } {
  return fitList(card.lines.map(lineOf), budget, '\n');
}
