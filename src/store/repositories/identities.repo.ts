import type { Platform } from '../../core/model.ts';
import type { Executor } from './executor.ts';
import { prepared } from './prepared.ts';

export async function findLinkedEmail(
  db: Executor,
  platform: Platform,
  workspaceId: string,
  userId: string,
): Promise<string | undefined> {
  const [row] = (await selectLinkedEmail(db, { platform, workspaceId, userId })).rows;
  return row?.email;
}

const selectLinkedEmail = prepared((db, v: { platform: Platform; workspaceId: string; userId: string }) =>
  db
    .selectFrom('chat_identities')
    .select('email')
    .where('platform', '=', v.platform)
    .where('workspace_id', '=', v.workspaceId)
    .where('user_id', '=', v.userId),
);

/** A chat account linked to an email; `workspaceId` is '' where the platform's user ids are global. */
export interface ChatAccount {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly userId: string;
}

const selectAccountsForEmail = prepared((db, v: { email: string }) =>
  db.selectFrom('chat_identities').select(['platform', 'workspace_id', 'user_id']).where('email', '=', v.email),
);

export async function findAccountsForEmail(db: Executor, email: string): Promise<ChatAccount[]> {
  const { rows } = await selectAccountsForEmail(db, { email });
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
