import type { SlackInstallationPort } from '../adapters/slack/index.ts';
import { createSecretBox } from './secret-box.ts';
import type { Store } from './store/connect.ts';
import {
  deleteSlackInstallation,
  findSlackInstallation,
  saveSlackInstallation,
} from './store/repositories/installations.repo.ts';

/**
 * The Slack adapter's installation port over the database: tokens are sealed with
 * ROLLCALL_SECRET_KEY when it is set (src/secret-box.ts), so a copy of the database or a backup
 * does not hand out every workspace's bot token.
 */
export function slackInstallations(store: Store, secretKey: string | undefined): SlackInstallationPort {
  const box = createSecretBox(secretKey);
  return {
    save: (record) => saveSlackInstallation(store.db, { ...record, botToken: box.seal(record.botToken) }),
    async find(teamId) {
      const stored = await findSlackInstallation(store.db, teamId);
      return stored && { ...stored, botToken: box.open(stored.botToken) };
    },
    remove: (teamId) => deleteSlackInstallation(store.db, teamId),
  };
}
