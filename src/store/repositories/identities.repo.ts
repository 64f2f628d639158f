import type { Platform } from '../../core/model.ts';
import type { Executor } from './executor.ts';

export async function findLinkedEmail(
  db: Executor,
  platform: Platform,
  workspaceId: string,
  userId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('chat_identities')
    .select('email')
    .where('platform', '=', platform)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.email;
}

/** A chat account linked to an email; `workspaceId` is '' where the platform's user ids are global. */
export interface ChatAccount {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly userId: string;
}

export async function findAccountsForEmail(db: Executor, email: string): Promise<ChatAccount[]> {
  const rows = await db
    .selectFrom('chat_identities')
    .select(['platform', 'workspace_id', 'user_id'])
    .where('email', '=', email)
    .execute();
  return rows.map((row) => ({ platform: row.platform, workspaceId: row.workspace_id, userId: row.user_id }));
}

/** The linked accounts of several emails in one query. */
export async function findAccountsForEmails(
  db: Executor,
  emails: readonly string[],
): Promise<Map<string, ChatAccount[]>> {
  const byEmail = new Map<string, ChatAccount[]>();
  if (emails.length === 0) return byEmail;
  const rows = await db
    .selectFrom('chat_identities')
    .select(['email', 'platform', 'workspace_id', 'user_id'])
    .where('email', 'in', emails)
    .execute();
  for (const row of rows) {
    const account = { platform: row.platform, workspaceId: row.workspace_id, userId: row.user_id };
    byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), account]);
  }
  return byEmail;
}

export async function linkIdentity(
  db: Executor,
  link: { platform: Platform; workspaceId: string; userId: string; email: string; now: number },
) {
  await db
    .insertInto('chat_identities')
    .values({
      platform: link.platform,
      workspace_id: link.workspaceId,
      user_id: link.userId,
      email: link.email,
      linked_at: link.now,
    })
    .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'user_id']).doNothing())
    .execute();
}
