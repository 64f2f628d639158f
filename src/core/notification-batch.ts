import { randomUUID } from 'node:crypto';
import type { Executor } from '../store/repositories/executor.ts';
import { type ChatAccount, findAccountsForEmail } from '../store/repositories/identities.repo.ts';
import { type Binding, listBindings } from '../store/repositories/organizations.repo.ts';
import { enqueueNotifications, type NewNotification } from '../store/repositories/outbox.repo.ts';
import type { Destination, NotificationEvent, Platform } from './model.ts';
import type { PlatformDirectory } from './platform-facts.ts';

type Audience =
  | { audience: 'channels'; event: NotificationEvent }
  | { audience: 'person'; email: string; event: NotificationEvent };

/**
 * Queues notifications in the caller's transaction (the outbox of SPEC §6): a post in each bound
 * platform's channel and/or a DM to a person on each platform where they can be reached.
 */
export class NotificationBatch {
  private readonly rows: NewNotification[] = [];
  private readonly pending: Audience[] = [];

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

  private add(platform: Platform, workspaceId: string, destination: Destination, event: NotificationEvent): this {
    this.rows.push({ id: randomUUID(), orgId: this.orgId, platform, workspaceId, destination, event, now: this.now });
    return this;
  }

  private toBinding(b: Binding, item: Audience, accounts: readonly ChatAccount[], platforms: PlatformDirectory) {
    if (item.audience === 'channels') {
      if (b.channelId) this.add(b.platform, b.workspaceId, { kind: 'channel', channelId: b.channelId }, item.event);
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

  async write(db: Executor, platforms: PlatformDirectory): Promise<void> {
    if (this.pending.length > 0) {
      const bindings = await listBindings(db, this.orgId);
      const accounts = new Map<string, ChatAccount[]>();
      for (const item of this.pending)
        if (item.audience === 'person' && !accounts.has(item.email))
          accounts.set(item.email, await findAccountsForEmail(db, item.email));
      this.collect(bindings, (email) => accounts.get(email) ?? [], platforms);
    }
    await enqueueNotifications(db, this.rows);
  }
}
