import type { OutboundNotification } from '../core/index.ts';
import type { Store } from '../store/connect.ts';
import { readCard, recordMessageRef } from '../store/repositories/cards.repo.ts';
import type { OutboxRow } from '../store/repositories/outbox.repo.ts';

/** Why a card's edit is dropped: the platform refused the card for good before (its message was deleted). */
export const CARD_RETIRED = 'card retired: its message is gone';

/**
 * A live card's edit as it goes out: the card's content read now, not as queued, so when two
 * transactions changed one card at once the later edit still shows both (the newest truth wins);
 * and the message to edit, if the announcement's post named one. Undefined: the card is retired.
 */
export async function withCardNow(
  store: Store,
  row: OutboxRow,
  notification: OutboundNotification,
): Promise<OutboundNotification | undefined> {
  const { event } = notification;
  if (row.card_id === null || event.kind !== 'card_update') return notification;
  const now = await readCard(store.db, row.card_id);
  if (!now || now.state === 'retired') return undefined;
  return {
    ...notification,
    event: { ...event, orgName: now.card.orgName, card: now.card },
    ...(now.messageRef === null ? {} : { messageRef: now.messageRef }),
  };
}

/**
 * Keeps the message a card's post made, before the next notice to that channel (its edit) is tried.
 * Only a post names the card's message: an edit (sent with one) leaves it as it was.
 */
export async function keepMessageRef(
  store: Store,
  row: OutboxRow,
  sent: OutboundNotification,
  messageRef: string | undefined,
): Promise<void> {
  if (row.card_id === null || messageRef === undefined || sent.messageRef !== undefined) return;
  await recordMessageRef(store.db, row.card_id, messageRef);
}
