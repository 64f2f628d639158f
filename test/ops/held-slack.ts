import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The one Slack Web API method a starting bot calls, auth.test, answered as Slack answers a valid
 * bot token, but only once the test releases it: the window in which the process is up and its
 * Slack adapter has not yet started.
 */
export class HeldSlack {
  readonly #held: ServerResponse[] = [];
  #released = false;
  #arrived: (() => void) | undefined;

  private constructor(readonly server: Server) {}

  static async start(): Promise<HeldSlack> {
    const slack: HeldSlack = new HeldSlack(createServer((req, res) => slack.#handle(req, res)));
    await new Promise<void>((resolve) => slack.server.listen(0, '127.0.0.1', resolve));
    return slack;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** Resolves once the bot has asked auth.test (and is waiting for the answer). */
  authTestArrived(): Promise<void> {
    if (this.#held.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#arrived = resolve;
    });
  }

  release(): void {
    this.#released = true;
    for (const res of this.#held.splice(0)) answer(res);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    if (req.url !== '/api/auth.test') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"unknown_method"}');
      return;
    }
    if (this.#released) {
      answer(res);
      return;
    }
    this.#held.push(res);
    this.#arrived?.();
  }
}

function answer(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      ok: true,
      url: 'https://acme.slack.com/',
      team: 'Acme',
      user: 'rollcall',
      team_id: 'T1',
      user_id: 'UBOT',
      bot_id: 'BBOT',
    }),
  );
}
