import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics.ts';
import type { HealthReport } from './health.ts';
import { INVITATIONS_PREFIX } from './invitation-page/handler.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Bolt's OAuth routes (its installer's defaults), served when Slack runs in distribution mode. */
export const SLACK_OAUTH_PATHS: readonly string[] = ['/slack/install', '/slack/oauth_redirect'];
export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

export interface HttpServerDeps {
  readonly metrics: Metrics;
  /** Bolt's HTTPReceiver listener; absent without Slack or in Socket Mode. */
  readonly slack?: RequestListener | undefined;
  /** Discord's interactions endpoint; absent without DISCORD_PUBLIC_KEY. */
  readonly discord?: RequestListener | undefined;
  /** Readiness (src/http/health.ts); without it the process is ready once it listens. */
  readonly health?: () => Promise<HealthReport>;
  /** The invitation pages (`/invitations/<code>`), when email is configured. */
  readonly invitations?: RequestListener | undefined;
}

type Response = Parameters<RequestListener>[1];

function send(res: Response, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

/** 200 `ok` when ready; 503 with what is missing, as JSON, so a probe's log says why. */
function answerHealth(res: Response, health: HttpServerDeps['health']): void {
  if (!health) {
    send(res, 200, 'text/plain', 'ok\n');
    return;
  }
  health()
    .then((report) =>
      report.ready
        ? send(res, 200, 'text/plain', 'ok\n')
        : send(res, 503, 'application/json', `${JSON.stringify({ ready: false, missing: report.missing })}\n`),
    )
    .catch(() => send(res, 503, 'application/json', '{"ready":false,"missing":["health check failed"]}\n'));
}

/**
 * The process's one HTTP server: health and metrics always, the Slack endpoint when Slack runs over
 * HTTP, so probes and scraping work whichever adapters are configured.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') return answerHealth(res, deps.health);
    if (req.method === 'GET' && path === '/metrics') {
      deps.metrics.registry
        .metrics()
        .then((text) => send(res, 200, deps.metrics.registry.contentType, text))
        .catch(() => send(res, 500, 'text/plain', 'metrics unavailable\n'));
      return;
    }
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH && deps.slack) return deps.slack(req, res);
    if (path.startsWith(INVITATIONS_PREFIX) && deps.invitations) return deps.invitations(req, res);
    if (req.method === 'GET' && SLACK_OAUTH_PATHS.includes(path) && deps.slack) return deps.slack(req, res);
    if (req.method === 'POST' && path === DISCORD_INTERACTIONS_PATH && deps.discord) return deps.discord(req, res);
    send(res, 404, 'text/plain', 'not found\n');
  });
}

/** Listens on `host`:`port` (0 for any free port) and resolves with the bound port. */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
