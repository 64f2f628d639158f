import type { App } from '@slack/bolt';
import { logUnexpected } from '../../../src/log.ts';
import type { HomePublisher } from '../home/publisher.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * `app_home_opened` on the Home tab: publish the viewer's Home and remember it as open. There is
 * nobody to answer when this fails (an event has no reply), so it is only logged.
 */
export function registerAppHome(app: App, deps: ListenerDeps, publisher: HomePublisher): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id ?? '';
    try {
      await publisher.show(teamId, event.user);
      deps.metrics.commands.inc({ platform: 'slack', command: 'home', outcome: 'ok' });
    } catch (error) {
      logUnexpected(deps.log, error, { platform: 'slack', command: 'home' });
    }
  });
}
