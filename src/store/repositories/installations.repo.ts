import type { Executor } from './executor.ts';

/** A Slack workspace's installation as stored; `botToken` is what the caller sealed, never read here. */
export interface StoredSlackInstallation {
  readonly teamId: string;
  readonly teamName: string | null;
  readonly enterpriseId: string | null;
  readonly appId: string | null;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string | null;
  readonly botScopes: readonly string[];
  readonly installerUserId: string;
  readonly installedAt: number;
}

/** A reinstall (new scopes, a new token) replaces the workspace's row. */
export async function saveSlackInstallation(db: Executor, installation: StoredSlackInstallation): Promise<void> {
  const row = {
    team_id: installation.teamId,
    team_name: installation.teamName,
    enterprise_id: installation.enterpriseId,
    app_id: installation.appId,
    bot_token: installation.botToken,
    bot_user_id: installation.botUserId,
    bot_id: installation.botId,
    bot_scopes: installation.botScopes.join(','),
    installer_user_id: installation.installerUserId,
    installed_at: installation.installedAt,
  };
  const { team_id: _key, ...changes } = row;
  await db
    .insertInto('slack_installations')
    .values(row)
    .onConflict((oc) => oc.column('team_id').doUpdateSet(changes))
    .execute();
}

export async function findSlackInstallation(
  db: Executor,
  teamId: string,
): Promise<StoredSlackInstallation | undefined> {
  const row = await db.selectFrom('slack_installations').selectAll().where('team_id', '=', teamId).executeTakeFirst();
  if (!row) return undefined;
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    enterpriseId: row.enterprise_id,
    appId: row.app_id,
    botToken: row.bot_token,
    botUserId: row.bot_user_id,
    botId: row.bot_id,
    botScopes: row.bot_scopes === '' ? [] : row.bot_scopes.split(','),
    installerUserId: row.installer_user_id,
    installedAt: Number(row.installed_at),
  };
}

/** Returns whether there was an installation to delete. */
export async function deleteSlackInstallation(db: Executor, teamId: string): Promise<boolean> {
  const result = await db.deleteFrom('slack_installations').where('team_id', '=', teamId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
