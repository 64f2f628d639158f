import type { App } from '@slack/bolt';
import type { Caller } from '../../../src/core/index.ts';
import { logUnexpected } from '../../../src/log.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * The offboarding prompt (SPEC §12): Slack reports a deactivated account as `user_change` with
 * `user.deleted: true`. The core prompts the owners when the account belongs to a member of the
 * workspace's organization and does nothing for anyone else. Every other profile change is ignored.
 */
export function registerUserChange(app: App, deps: ListenerDeps): void {
  app.event('user_change', async ({ event, body }) => {
    // Strictly true: the field has been seen missing from some user_change payloads.
    if (event.user.deleted !== true) return;
    // The workspace the event was delivered for, not the user's home team (Enterprise Grid).
    const teamId = body.team_id ?? event.user.team_id;
    try {
      const caller = await accountOf(deps, teamId, event.user.id, event.user.profile.email);
      const { prompted } = await deps.core.platformUserDeactivated(caller);
      deps.metrics.commands.inc({ platform: 'slack', command: 'user_change', outcome: prompted ? 'ok' : 'ignored' });
    } catch (error) {
      logUnexpected(deps.log, error, { platform: 'slack', command: 'user_change' });
    }
  });
}

/** The account with the email Slack sent in the event (signed by Slack), else its profile's. */
async function accountOf(deps: ListenerDeps, teamId: string, userId: string, email?: string): Promise<Caller> {
  if (email !== undefined && email !== '')
    return { platform: 'slack', workspaceId: teamId, userId, verifiedEmail: email };
  return deps.directory.caller(teamId, userId);
}
