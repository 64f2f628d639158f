import type { IncomingMessage, ServerResponse } from 'node:http';

/** One REST request the fake received, as the test asserts on it. */
export interface RestCall {
  readonly method: string;
  /** Path below `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** A scripted failure: the next request matching `method` and `path` answers with this error. */
export interface ScriptedFailure {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  /** Discord's JSON error code, e.g. 50007 (cannot send messages to this user). */
  readonly code?: number;
  readonly message?: string;
  /** How many requests fail before the route recovers; unlimited when absent. */
  times?: number;
}

export type RouteReply = { status: number; body?: unknown };

export type RouteHandler = (call: RestCall, params: readonly string[]) => RouteReply;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: RouteHandler;
}

const API_PREFIX = '/api/v10';

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  return JSON.parse(text) as unknown;
}

function send(response: ServerResponse, reply: RouteReply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
}

/**
 * Answers REST requests the way Discord's API does for the routes Rollcall uses: every call is
 * recorded first, then a scripted failure or the matching route answers; anything else is a 404
 * with Discord's error shape, so an unexpected call shows up in the test instead of hanging.
 */
export function restHandler(
  routes: readonly Route[],
  failures: ScriptedFailure[],
  record: (call: RestCall) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake.invalid');
      const body = await readBody(request);
      const pathname = decodeURIComponent(url.pathname);
      const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
      const call: RestCall = {
        method: request.method ?? 'GET',
        path,
        query: url.searchParams,
        authorization: request.headers.authorization,
        body,
      };
      record(call);
      const failure = failures.find((f) => f.method === call.method && f.path.test(path));
      if (failure) {
        if (failure.times !== undefined) {
          failure.times -= 1;
          if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
        }
        send(response, {
          status: failure.status,
          body: { code: failure.code ?? 0, message: failure.message ?? `${failure.status}: scripted failure` },
        });
        return;
      }
      for (const route of routes) {
        const match = route.method === call.method ? route.pattern.exec(path) : null;
        if (match) {
          send(response, route.handle(call, match.slice(1)));
          return;
        }
      }
      send(response, { status: 404, body: { code: 0, message: '404: Not Found' } });
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  };
}
