import type { CardLine, InvitationCard, Platform, Role } from '../../core/model.ts';
import type { CardState } from '../schema.ts';
import type { Executor } from './executor.ts';
import { prepared } from './prepared.ts';

/** A card as the core opens it with its announcement: one bound channel, the invitations it lists. */
export interface NewCard {
  readonly id: string;
  readonly orgId: string;
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly invitedBy: string;
  readonly role: Role;
  readonly invitationIds: readonly string[];
  readonly now: number;
}

/** A live card some of the given invitations are on, with its content as this transaction sees it. */
export interface ShownCard {
  readonly id: string;
  readonly orgId: string;
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly card: InvitationCard;
  /** The given invitations this card lists. */
  readonly invitationIds: readonly string[];
}

/** A card as the dispatcher needs it right before an edit: where its message is, and what it shows now. */
export interface CardNow {
  readonly state: CardState;
  readonly messageRef: string | null;
  readonly card: InvitationCard;
}

/** Ids per statement: far below SQLite's 32,766 bound values and PostgreSQL's 65,535. */
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function insertCards(db: Executor, cards: readonly NewCard[]): Promise<void> {
  if (cards.length === 0) return;
  await db
    .insertInto('cards')
    .values(
      cards.map((c) => ({
        id: c.id,
        org_id: c.orgId,
        platform: c.platform,
        workspace_id: c.workspaceId,
        channel_id: c.channelId,
        invited_by: c.invitedBy,
        role: c.role,
        message_ref: null,
        state: 'live' as const,
        created_at: c.now,
      })),
    )
    .execute();
  const lines = cards.flatMap((c) =>
    c.invitationIds.map((invitationId, position) => ({ card_id: c.id, invitation_id: invitationId, position })),
  );
  for (const part of chunks(lines)) await db.insertInto('card_lines').values(part).execute();
}

/** Every line of these cards with its invitation's state now, in the order each card listed them. */
async function linesOf(db: Executor, cardIds: readonly string[]): Promise<Map<string, CardLine[]>> {
  const byCard = new Map<string, CardLine[]>();
  for (const part of chunks(cardIds)) {
    const rows = await db
      .selectFrom('card_lines')
      .innerJoin('invitations', 'invitations.id', 'card_lines.invitation_id')
      .select(['card_lines.card_id', 'invitations.email', 'invitations.state', 'invitations.expires_at'])
      .where('card_lines.card_id', 'in', part)
      .orderBy('card_lines.card_id')
      .orderBy('card_lines.position')
      .execute();
    for (const row of rows) {
      const line = { email: row.email, state: row.state, expiresAt: Number(row.expires_at) };
      const lines = byCard.get(row.card_id);
      if (lines) lines.push(line);
      else byCard.set(row.card_id, [line]);
    }
  }
  return byCard;
}

/**
 * The live cards listing any of these invitations, each with its full content, in one statement
 * whatever the number of invitations (a few for very many), so the sweep stays set-based.
 */
export async function cardsShowing(db: Executor, invitationIds: readonly string[]): Promise<ShownCard[]> {
  const given = new Set(invitationIds);
  const cards = new Map<string, { head: CardHead; lines: CardLine[]; ids: string[] }>();
  const done = new Set<string>();
  for (const part of chunks(invitationIds)) {
    const [only] = part;
    const rows =
      part.length === 1 && only !== undefined
        ? (await selectCardsShowingOne(db, { invitationId: only })).rows
        : await selectCardsShowing(db, part).execute();
    // A card met in an earlier chunk already holds all its lines.
    const fresh = rows.filter((row) => !done.has(row.id));
    for (const row of fresh) {
      const card = cards.get(row.id) ?? { head: row, lines: [], ids: [] };
      cards.set(row.id, card);
      card.lines.push({ email: row.email, state: row.line_state, expiresAt: Number(row.expires_at) });
      if (given.has(row.invitation_id)) card.ids.push(row.invitation_id);
    }
    for (const row of fresh) done.add(row.id);
  }
  return [...cards.values()].map(({ head, lines, ids }) => ({
    id: head.id,
    orgId: head.org_id,
    platform: head.platform,
    workspaceId: head.workspace_id,
    channelId: head.channel_id,
    card: contentOf(head, lines),
    invitationIds: ids,
  }));
}

function selectCardsShowing(db: Executor, invitationIds: readonly string[]) {
  const listing = db
    .selectFrom('card_lines')
    .select('card_lines.card_id')
    .where('card_lines.invitation_id', 'in', invitationIds);
  return db
    .selectFrom('cards')
    .innerJoin('organizations', 'organizations.id', 'cards.org_id')
    .innerJoin('card_lines', 'card_lines.card_id', 'cards.id')
    .innerJoin('invitations', 'invitations.id', 'card_lines.invitation_id')
    .select(HEAD)
    .select([
      'card_lines.invitation_id',
      'invitations.email',
      'invitations.state as line_state',
      'invitations.expires_at',
    ])
    .where('cards.state', '=', 'live')
    .where('cards.id', 'in', listing)
    .orderBy('cards.created_at')
    .orderBy('cards.id')
    .orderBy('card_lines.position');
}

/** One invitation answered or revoked, the usual case, as a prepared statement of the same text. */
const selectCardsShowingOne = prepared((db, v: { invitationId: string }) => selectCardsShowing(db, [v.invitationId]));

/** The card now: the dispatcher renders this, not the content queued with the edit, so the newest truth wins. */
export async function readCard(db: Executor, cardId: string): Promise<CardNow | undefined> {
  const row = await cardHeads(db).where('cards.id', '=', cardId).executeTakeFirst();
  if (!row) return undefined;
  const lines = await linesOf(db, [cardId]);
  return { state: row.state, messageRef: row.message_ref, card: contentOf(row, lines.get(cardId) ?? []) };
}

export async function recordMessageRef(db: Executor, cardId: string, messageRef: string): Promise<void> {
  await db.updateTable('cards').set({ message_ref: messageRef }).where('id', '=', cardId).execute();
}

/** The platform refused the card for good (its message was deleted, its channel refuses it): no more edits. */
export async function retireCard(db: Executor, cardId: string): Promise<void> {
  await db.updateTable('cards').set({ state: 'retired' }).where('id', '=', cardId).execute();
}

const HEAD = [
  'cards.id',
  'cards.org_id',
  'cards.platform',
  'cards.workspace_id',
  'cards.channel_id',
  'cards.invited_by',
  'cards.role',
  'cards.message_ref',
  'cards.state',
  'organizations.name as org_name',
] as const;

function cardHeads(db: Executor) {
  return db.selectFrom('cards').innerJoin('organizations', 'organizations.id', 'cards.org_id').select(HEAD);
}

type CardHead = Awaited<ReturnType<ReturnType<typeof cardHeads>['executeTakeFirstOrThrow']>>;

function contentOf(row: CardHead, lines: readonly CardLine[]): InvitationCard {
  return { orgName: row.org_name, role: row.role, invitedBy: row.invited_by, lines };
}
