import { randomUUID } from 'node:crypto';
import { cardsShowing, insertCards, type NewCard, type ShownCard } from '../store/repositories/cards.repo.ts';
import type { Executor } from '../store/repositories/executor.ts';
import { type ChatAccount, findAccountsForEmail } from '../store/repositories/identities.repo.ts';
import { type Binding, listBindings } from '../store/repositories/organizations.repo.ts';
import { enqueueNotifications, type NewNotification } from '../store/repositories/outbox.repo.ts';
import type { Destination, InvitationEndState, NotificationEvent, Platform } from './model.ts';
import type { PlatformDirectory } from './platform-facts.ts';

/** The channel announcement of invitations: it opens a live card in each bound channel (SPEC §11). */
export type Announcement = Extract<NotificationEvent, { kind: 'invitations_sent' | 'invitation_sent' }>;

type Audience =
  | { audience: 'channels'; event: NotificationEvent }
  | { audience: 'person'; email: string; event: NotificationEvent }
  | { audience: 'card'; event: Announcement; invitationIds: readonly string[] };

/** An invitation that reached an end state: its card(s) are edited, or, without one, the channel gets a post. */
interface Ended {
  readonly invitationId: string;
  readonly email: string;
  readonly state: InvitationEndState;
  /** The channel post of an invitation announced before live cards existed. */
  readonly fallback: NotificationEvent;
}

/**
 * Queues notifications in the caller's transaction (the outbox of SPEC §6): a post in each bound
 * platform's channel and/or a DM to a person on each platform where they can be reached.
 */
export class NotificationBatch {
  private readonly rows: NewNotification[] = [];
  private readonly pending: Audience[] = [];
  private readonly cards: NewCard[] = [];
  private ended: Ended[] = [];

  constructor(
    private readonly orgId: string,
    private readonly now: number,
    /** Whether email is configured; without it `toMailbox` queues nothing (SPEC §8: email is off). */
    readonly sendsEmail = false,
  ) {}

  toUser(platform: Platform, workspaceId: string, userId: string, event: NotificationEvent): this {
    return this.add(platform, workspaceId, { kind: 'user', userId }, event);
  }

  /** Posts in every bound channel. */
  toChannels(event: NotificationEvent): this {
    this.pending.push({ audience: 'channels', event });
    return this;
  }

  /** Announces invitations in every bound channel, each post a live card edited as they end. */
  announceCard(event: Announcement, invitationIds: readonly string[]): this {
    this.pending.push({ audience: 'card', event, invitationIds });
    return this;
  }

  /**
   * An invitation reached an end state: each live card listing it is edited (one edit per card for
   * all of this batch's changes); where none does, `fallback` is posted in the channels as before.
   */
  toCardsOrChannels(invitationId: string, email: string, state: InvitationEndState, fallback: NotificationEvent): this {
    this.ended.push({ invitationId, email, state, fallback });
    return this;
  }

  /** DMs a person wherever they can be reached: a linked account, else by email where the platform can. */
  toPerson(email: string, event: NotificationEvent): this {
    this.pending.push({ audience: 'person', email, event });
    return this;
  }

  /**
   * Emails a person (SPEC §6), whatever platforms the organization is on. `secret` is the code only
   * this recipient may read; it travels beside the event, never inside it, so no other notice has it.
   */
  toMailbox(email: string, event: NotificationEvent, secret?: string): this {
    if (!this.sendsEmail) return this;
    this.rows.push({
      id: randomUUID(),
      orgId: this.orgId,
      platform: 'email',
      workspaceId: '',
      destination: { kind: 'email', email },
      event,
      ...(secret === undefined ? {} : { secret }),
      now: this.now,
    });
    return this;
  }

  /** The invitations this batch saw end, for looking up the cards that list them. */
  endedInvitationIds(): string[] {
    return this.ended.map((e) => e.invitationId);
  }

  /**
   * Turns the ended invitations into one `card_update` per live card listing any of them, with the
   * card's full content as this transaction sees it; those on no card fall back to a channel post.
   */
  settleEnded(shown: readonly ShownCard[]): this {
    const onCard = new Set<string>();
    for (const card of shown) {
      if (card.orgId !== this.orgId) continue;
      const listed = new Set(card.invitationIds);
      const changed = this.ended.filter((e) => listed.has(e.invitationId));
      if (changed.length === 0) continue;
      for (const e of changed) onCard.add(e.invitationId);
      const event = {
        kind: 'card_update',
        orgName: card.card.orgName,
        cardId: card.id,
        card: card.card,
        changed: changed.map(({ email, state }) => ({ email, state })),
      } as const;
      this.add(card.platform, card.workspaceId, { kind: 'channel', channelId: card.channelId }, event, card.id);
    }
    for (const e of this.ended) if (!onCard.has(e.invitationId)) this.toChannels(e.fallback);
    this.ended = [];
    return this;
  }

  private add(
    platform: Platform,
    workspaceId: string,
    destination: Destination,
    event: NotificationEvent,
    cardId?: string,
  ): this {
    this.rows.push({
      id: randomUUID(),
      orgId: this.orgId,
      platform,
      workspaceId,
      destination,
      event,
      now: this.now,
      ...(cardId === undefined ? {} : { cardId }),
    });
    return this;
  }

  private openCard(b: Binding, channelId: string, item: Extract<Audience, { audience: 'card' }>) {
    const id = randomUUID();
    const { invitedBy, role } = item.event;
    this.cards.push({
      id,
      orgId: this.orgId,
      platform: b.platform,
      workspaceId: b.workspaceId,
      channelId,
      invitedBy,
      role,
      invitationIds: item.invitationIds,
      now: this.now,
    });
    this.add(b.platform, b.workspaceId, { kind: 'channel', channelId }, item.event, id);
  }

  private toBinding(b: Binding, item: Audience, accounts: readonly ChatAccount[], platforms: PlatformDirectory) {
    if (item.audience === 'channels') {
      if (b.channelId) this.add(b.platform, b.workspaceId, { kind: 'channel', channelId: b.channelId }, item.event);
      return;
    }
    if (item.audience === 'card') {
      if (b.channelId) this.openCard(b, b.channelId, item);
      return;
    }
    const global = platforms[b.platform].identityScope === 'global';
    const account = accounts.find((a) => a.platform === b.platform && (global || a.workspaceId === b.workspaceId));
    if (account) this.add(b.platform, b.workspaceId, { kind: 'user', userId: account.userId }, item.event);
    else if (platforms[b.platform].reachesByEmail)
      this.add(b.platform, b.workspaceId, { kind: 'email', email: item.email }, item.event);
  }

  /** The rows this batch stands for, given its organization's bindings and each person's accounts. */
  collect(
    bindings: readonly Binding[],
    accountsOf: (email: string) => readonly ChatAccount[],
    platforms: PlatformDirectory,
  ): NewNotification[] {
    for (const item of this.pending.splice(0)) {
      const accounts = item.audience === 'person' ? accountsOf(item.email) : [];
      for (const b of bindings) this.toBinding(b, item, accounts, platforms);
    }
    return this.rows;
  }

  /** The cards the collected announcements open: written before their rows, which name them. */
  openedCards(): readonly NewCard[] {
    return this.cards;
  }

  async write(db: Executor, platforms: PlatformDirectory): Promise<void> {
    if (this.ended.length > 0) this.settleEnded(await cardsShowing(db, this.endedInvitationIds()));
    if (this.pending.length > 0) {
      const bindings = await listBindings(db, this.orgId);
      const accounts = new Map<string, ChatAccount[]>();
      for (const item of this.pending)
        if (item.audience === 'person' && !accounts.has(item.email))
          accounts.set(item.email, await findAccountsForEmail(db, item.email));
      this.collect(bindings, (email) => accounts.get(email) ?? [], platforms);
    }
    await insertCards(db, this.cards);
    await enqueueNotifications(db, this.rows);
  }
}
