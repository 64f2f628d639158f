import type { NotificationEvent, OutboundNotification } from '../core/index.ts';
import type { OutboxRow } from '../store/repositories/outbox.repo.ts';

type CardUpdate = Extract<NotificationEvent, { kind: 'card_update' }>;

export interface CoalescedClaim {
  /** The rows to attempt, in the claim's order. */
  readonly send: OutboxRow[];
  /** By the id of a card's last edit in the claim: its earlier edits, which that one stands for. */
  readonly covered: ReadonlyMap<string, readonly OutboxRow[]>;
}

function cardUpdateOf(row: OutboxRow): CardUpdate | undefined {
  if (row.card_id === null) return undefined;
  const event = JSON.parse(row.event) as NotificationEvent;
  return event.kind === 'card_update' ? event : undefined;
}

/**
 * Edits of one card due together collapse into the last one: an edit shows the card as it is when
 * sent, so the earlier ones would only repeat it, each spending a call of Slack's Tier 3 (about 50 a
 * minute). The covered rows are settled with the one that stands for them.
 */
export function coalesceCardEdits(rows: readonly OutboxRow[]): CoalescedClaim {
  const lastEdit = new Map<string, OutboxRow>();
  for (const row of rows) if (row.card_id !== null && cardUpdateOf(row)) lastEdit.set(row.card_id, row);
  const covered = new Map<string, OutboxRow[]>();
  const send = rows.filter((row) => {
    const last = row.card_id === null ? undefined : lastEdit.get(row.card_id);
    if (!last || last === row || !cardUpdateOf(row)) return true;
    covered.set(last.id, [...(covered.get(last.id) ?? []), row]);
    return false;
  });
  return { send, covered };
}

/** The last edit names every change it stands for, in order (what the console prints). */
export function withCoveredChanges(
  notification: OutboundNotification,
  covered: readonly OutboxRow[],
): OutboundNotification {
  const { event } = notification;
  if (covered.length === 0 || event.kind !== 'card_update') return notification;
  const earlier = covered.flatMap((row) => cardUpdateOf(row)?.changed ?? []);
  return { ...notification, event: { ...event, changed: [...earlier, ...event.changed] } };
}
