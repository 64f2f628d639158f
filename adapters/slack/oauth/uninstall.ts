import type { App } from '@slack/bolt';
import type { Logger } from '../../../src/log.ts';
import type { SlackInstallationPort } from './installation-store.ts';

/**
 * `app_uninstalled` and `tokens_revoked` (for the bot's token) delete the workspace's
 * installation. Its organization, members and history stay: `rollcall org` can still list, bind
 * or export them, and a reinstall finds them again through the workspace's binding.
 */
export function registerUninstall(app: App, port: SlackInstallationPort, log: Logger): void {
  const forget = async (teamId: string | undefined, why: string) => {
    if (teamId === undefined) return;
    const removed = await port.remove(teamId);
    log.info({ teamId, why, removed }, 'Slack installation removed');
  };
  app.event('app_uninstalled', async ({ body }) => {
    await forget(body.team_id, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, 'tokens_revoked');
  });
}
