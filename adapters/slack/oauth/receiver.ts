import { HTTPReceiver } from '@slack/bolt';
import type { SlackOAuthConfig } from '../../../src/config.ts';
import type { toBoltLogger } from '../bolt-logger.ts';
import { boltInstallationStore, type SlackInstallationPort } from './installation-store.ts';
import { failedPage, installedPage, installPage } from './pages.ts';

/** The bot scopes of manifest.yml: what each workspace grants on install. */
export const BOT_SCOPES = ['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email'];

export interface OAuthReceiverOptions {
  readonly oauth: SlackOAuthConfig;
  readonly signingSecret: string;
  readonly apiUrl: string | undefined;
  readonly installations: SlackInstallationPort;
  readonly logger: ReturnType<typeof toBoltLogger>;
  readonly now: () => number;
}

/**
 * Bolt's HTTPReceiver with its OAuth installer (SPEC §8 "Slack, many workspaces"): GET
 * /slack/install sets a signed state cookie and shows "Add to Slack"; GET /slack/oauth_redirect
 * checks the state against the cookie and SLACK_STATE_SECRET, exchanges the code with
 * `oauth.v2.access` at SLACK_API_URL and stores the installation. Bolt's authorize then reads
 * each request's workspace token from the same store.
 */
export function oauthReceiver(options: OAuthReceiverOptions): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: options.signingSecret,
    logger: options.logger,
    clientId: options.oauth.clientId,
    clientSecret: options.oauth.clientSecret,
    stateSecret: options.oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: boltInstallationStore(options.installations, options.now),
    installerOptions: {
      directInstall: false,
      renderHtmlForInstallPath: installPage,
      ...(options.apiUrl === undefined ? {} : { clientOptions: { slackApiUrl: options.apiUrl } }),
      callbackOptions: {
        success: (installation, _options, _req, res) => installedPage(res, installation.team?.name),
        failure: (error, _options, _req, res) => {
          options.logger.warn(`Slack installation refused: ${error.code ?? error.name}`);
          failedPage(res);
        },
      },
    },
  });
}
