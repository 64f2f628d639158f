import { randomUUID } from 'node:crypto';
import type { Executor } from '../store/repositories/executor.ts';
import { findAccountsForEmail } from '../store/repositories/identities.repo.ts';
import { listBindings } from '../store/repositories/organizations.repo.ts';
import { enqueueNotifications, type NewNotification } from '../store/repositories/outbox.repo.ts';
import type { Destination, NotificationEvent, Platform } from './model.ts';

/**
 * Queues notifications in the caller's transaction (the outbox of SPEC §6): a post in each bound
 * platform's channel and/or a DM to a person on each platform where they can be reached.
 */
export class NotificationBatch {
  private readonly rows: NewNotification[] = [];
  private readonly pending: Array<
    { audience: 'channels'; event: NotificationEvent } | { audience: 'person'; email: string; event: NotificationEvent }
  > = [];

  constructor(
    private readonly orgId: string,
    private readonly now: number,
  ) {}

  toUser(platform: Platform, workspaceId: string, userId: string, event: NotificationEvent): this {
    return this.add(platform, workspaceId, { kind: 'user', userId }, event);
  }

  /** Posts in every bound channel. */
  toChannels(event: NotificationEvent): this {
    this.pending.push({ audience: 'channels', event });
    return this;
  }

  /** DMs a person wherever they can be reached: a linked account, else by email on Slack and the console. */
  toPerson(email: string, event: NotificationEvent): this {
    this.pending.push({ audience: 'person', email, event });
    return this;
  }

  private add(platform: Platform, workspaceId: string, destination: Destination, event: NotificationEvent): this {
    this.rows.push({ id: randomUUID(), orgId: this.orgId, platform, workspaceId, destination, event, now: this.now });
    return this;
  }

  async write(db: Executor): Promise<void> {
    if (this.pending.length > 0) {
      const bindings = await listBindings(db, this.orgId);
      for (const item of this.pending) {
        if (item.audience === 'channels') {
          for (const b of bindings) {
            if (b.channel_id)
              this.add(b.platform, b.workspace_id, { kind: 'channel', channelId: b.channel_id }, item.event);
          }
          continue;
        }
        const accounts = await findAccountsForEmail(db, item.email);
        for (const b of bindings) {
          const account = accounts.find(
            (a) => a.platform === b.platform && (a.workspace_id === '' || a.workspace_id === b.workspace_id),
          );
          if (account) this.add(b.platform, b.workspace_id, { kind: 'user', userId: account.user_id }, item.event);
          else if (b.platform !== 'discord')
            this.add(b.platform, b.workspace_id, { kind: 'email', email: item.email }, item.event);
        }
      }
    }
    await enqueueNotifications(db, this.rows);
  }
}
