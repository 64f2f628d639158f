import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

/** A workspace's installation, as Rollcall keeps it: the bot's token and who installed it. */
export interface SlackInstallationRecord {
  readonly teamId: string;
  readonly teamName: string | null;
  readonly enterpriseId: string | null;
  readonly appId: string | null;
  /** In the clear here; the port's implementation decides how it is kept (src/slack-installations.ts). */
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string | null;
  readonly botScopes: readonly string[];
  readonly installerUserId: string;
  readonly installedAt: number;
}

/** The storage the Slack adapter needs in distribution mode, implemented outside the adapter. */
export interface SlackInstallationPort {
  save(record: SlackInstallationRecord): Promise<void>;
  find(teamId: string): Promise<SlackInstallationRecord | undefined>;
  /** Returns whether there was one. */
  remove(teamId: string): Promise<boolean>;
}

function toRecord(installation: Installation, now: number): SlackInstallationRecord {
  const teamId = installation.team?.id;
  const bot = installation.bot;
  // Org-wide (Enterprise Grid) installs have no team; SPEC §8 binds one workspace per install.
  if (teamId === undefined) throw new Error('an organization-wide installation is not supported');
  if (!bot) throw new Error('the installation carries no bot token (the bot scopes were not granted)');
  return {
    teamId,
    teamName: installation.team?.name ?? null,
    enterpriseId: installation.enterprise?.id ?? null,
    appId: installation.appId ?? null,
    botToken: bot.token,
    botUserId: bot.userId,
    botId: bot.id ?? null,
    botScopes: bot.scopes,
    installerUserId: installation.user.id,
    installedAt: now,
  };
}

function toInstallation(record: SlackInstallationRecord): Installation<'v2', false> {
  return {
    team: { id: record.teamId, ...(record.teamName === null ? {} : { name: record.teamName }) },
    enterprise: record.enterpriseId === null ? undefined : { id: record.enterpriseId },
    user: { id: record.installerUserId, token: undefined, scopes: undefined },
    bot: {
      token: record.botToken,
      userId: record.botUserId,
      id: record.botId ?? '',
      scopes: [...record.botScopes],
    },
    ...(record.appId === null ? {} : { appId: record.appId }),
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** Bolt's installationStore over the port: what its OAuth flow and its authorize read and write. */
export function boltInstallationStore(port: SlackInstallationPort, now: () => number): InstallationStore {
  return {
    storeInstallation: (installation) => port.save(toRecord(installation, now())),
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = query.teamId === undefined ? undefined : await port.find(query.teamId);
      if (!record) throw new Error(`no installation for workspace ${query.teamId ?? '(none named)'}`);
      return toInstallation(record);
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      if (query.teamId !== undefined) await port.remove(query.teamId);
    },
  };
}
