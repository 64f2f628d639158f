import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackOAuth } from './fake-slack-oauth.ts';
import { SHOWN_FROM_ACK } from './fake-slack-signer.ts';
import { type SlackCheck, SlackLimits } from './slack-limits.ts';

/** One Web API call or response_url post, as the fake received it. */
export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** The request's Authorization header (`Bearer xoxb-…`): whose token made the call. */
  readonly authorization?: string;
}

export interface FakeUser {
  readonly id: string;
  readonly email?: string;
  readonly isAdmin?: boolean;
  readonly isOwner?: boolean;
}

/** A scripted answer: an HTTP status, headers, and a JSON body. */
export interface FakeReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/**
 * A failure switched on for a while (the time between `failWith` and `recover`), for the methods
 * given (all when absent): `hang` accepts the request and never answers, as a stuck load balancer
 * does; `server_error` answers HTTP 500; `rate_limited` answers 429 with Retry-After; `invalid_auth`
 * answers HTTP 200 with `ok: false`, as Slack does during a token rotation.
 */
export type FakeFault =
  | { readonly kind: 'hang'; readonly methods?: readonly string[] }
  | { readonly kind: 'server_error'; readonly methods?: readonly string[] }
  | { readonly kind: 'rate_limited'; readonly retryAfterS: number; readonly methods?: readonly string[] }
  | { readonly kind: 'invalid_auth'; readonly methods?: readonly string[] };

/**
 * A stand-in for Slack on 127.0.0.1: `/api/<method>` (form or JSON bodies) and `/response/<id>`
 * for response_url. It records every call and answers from a small user directory or a script.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** The calls answered with `ok: true`: what Slack accepted (hung or failed calls are in `calls` only). */
  readonly accepted: RecordedCall[] = [];
  readonly teamId = 'T0001';
  /** Slack's published limits, enforced unless a test opts out (slack-limits.ts). */
  readonly limits = new SlackLimits();
  readonly #users = new Map<string, FakeUser>();
  readonly #scripts = new Map<string, FakeReply[]>();
  readonly #events = new EventEmitter();
  readonly #server = createServer((req, res) => {
    this.#handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  #port = 0;
  #responseCounter = 0;
  /** Posted messages by channel and `ts`: their text and whose token posted them (deleted ones are gone). */
  readonly #posted = new Map<string, { text: string; poster: string }>();
  #postCounter = 0;
  #fault: FakeFault | undefined;
  /** Workspaces installing the app: the codes Slack's consent screen hands out (fake-slack-oauth.ts). */
  readonly oauth = new FakeSlackOAuth();

  /** Every matching call fails this way until `recover()`. */
  failWith(fault: FakeFault): void {
    this.#fault = fault;
  }

  recover(): void {
    this.#fault = undefined;
  }

  /** Stops listening (connections are refused) until `listenAgain()`, on the same port. */
  async refuseConnections(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async listenAgain(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(this.#port, '127.0.0.1', resolve));
  }

  #faultFor(method: string): FakeFault | undefined {
    const fault = this.#fault;
    return fault && (fault.methods === undefined || fault.methods.includes(method)) ? fault : undefined;
  }

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api/`;
  }

  /** A fresh response_url; its posts are recorded under the method `response:<id>`. */
  responseUrl(): string {
    this.#responseCounter += 1;
    return `http://127.0.0.1:${this.#port}/response/r${this.#responseCounter}`;
  }

  /** Lets through payloads breaking one kind of limit: only for a test marked KNOWN-LIMIT-BUG. */
  allowOversized(...checks: SlackCheck[]): void {
    this.limits.allow(...checks);
  }

  /** The text a posted message shows now (after its edits), or undefined if none was posted or it was deleted. */
  messageText(channel: string, ts: string): string | undefined {
    return this.#posted.get(`${channel}\u0000${ts}`)?.text;
  }

  /** Someone deleted the message in Slack: chat.update on it answers `message_not_found` from now on. */
  deleteMessage(channel: string, ts: string): void {
    this.#posted.delete(`${channel}\u0000${ts}`);
  }

  addUser(user: FakeUser): void {
    this.#users.set(user.id, user);
  }

  /** The next calls of `method` get these replies, in order, before the default behaviour resumes. */
  script(method: string, ...replies: FakeReply[]): void {
    this.#scripts.set(method, [...(this.#scripts.get(method) ?? []), ...replies]);
  }

  callsTo(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.body);
  }

  /** Resolves with the first call (already made or future) matching the predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#events.off('call', listener);
        reject(
          new Error(
            `FakeSlack: no matching call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const listener = (call: RecordedCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.#events.off('call', listener);
        resolve(call);
      };
      this.#events.on('call', listener);
    });
  }

  /** The post made to a response_url. */
  waitForResponse(url: string): Promise<RecordedCall> {
    const id = new URL(url).pathname.split('/').at(-1);
    return this.waitFor((call) => call.method === `response:${id}`);
  }

  /** Rejects after closing when Slack would have refused a payload the test did not expect. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    this.limits.assertNoRefusals();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const method = path.startsWith('/response/')
      ? `response:${path.slice('/response/'.length)}`
      : path.slice('/api/'.length);
    const authorization = req.headers.authorization;
    const call = { method, body, ...(authorization === undefined ? {} : { authorization }) };
    this.calls.push(call);
    this.#events.emit('call', call);
    if (req.headers[SHOWN_FROM_ACK] === '1') {
      // The command's acknowledgement carried this reply (checked by the signer): Slack showed it,
      // whatever its Web API is doing, and it spends none of the response_url's uses.
      this.accepted.push(call);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const fault = this.#faultFor(method);
    if (fault?.kind === 'hang') return;
    if (fault) {
      const [status, headers, reply] =
        fault.kind === 'server_error'
          ? [500, {}, { ok: false }]
          : fault.kind === 'rate_limited'
            ? [429, { 'retry-after': String(fault.retryAfterS) }, { ok: false, error: 'ratelimited' }]
            : [200, {}, { ok: false, error: 'invalid_auth' }];
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(reply));
      return;
    }
    const scripted = this.#scripts.get(method)?.shift();
    const reply =
      scripted ??
      unauthenticated(method, body, authorization) ??
      this.limits.check(method, body) ??
      this.#answer(method, body, authorization);
    if (reply.status === 200 && (reply.body === undefined || (reply.body as { ok?: unknown }).ok !== false))
      this.accepted.push(call);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { ok: true }));
  }

  #answer(method: string, body: Record<string, unknown>, authorization?: string): FakeReply {
    const ok = (extra: Record<string, unknown> = {}): FakeReply => ({ status: 200, body: { ok: true, ...extra } });
    switch (method) {
      case 'auth.test':
        return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: this.oauth.teamOf(authorization) ?? this.teamId });
      case 'oauth.v2.access':
        return this.oauth.exchange(body);
      case 'users.info': {
        const user = this.#users.get(String(body.user));
        if (!user) return { status: 200, body: { ok: false, error: 'user_not_found' } };
        return ok({
          user: {
            id: user.id,
            team_id: this.teamId,
            is_admin: user.isAdmin ?? false,
            is_owner: user.isOwner ?? false,
            profile: user.email === undefined ? {} : { email: user.email },
          },
        });
      }
      case 'users.lookupByEmail': {
        const email = String(body.email).toLowerCase();
        // Slack matches emails regardless of case.
        const user = [...this.#users.values()].find((u) => u.email?.toLowerCase() === email);
        return user ? ok({ user: { id: user.id } }) : { status: 200, body: { ok: false, error: 'users_not_found' } };
      }
      case 'chat.postMessage': {
        // A message's ts is unique in its channel; Slack's are seconds with a six-digit suffix.
        this.#postCounter += 1;
        const ts = `${Math.floor(Date.now() / 1000)}.${String(this.#postCounter).padStart(6, '0')}`;
        const poster = tokenOf(body, authorization) ?? '';
        this.#posted.set(`${String(body.channel)}\u0000${ts}`, { text: String(body.text ?? ''), poster });
        return ok({ channel: body.channel, ts });
      }
      case 'chat.update': {
        // https://docs.slack.dev/reference/methods/chat.update: an unknown (or deleted) ts is
        // `message_not_found`, a message another bot or person posted `cant_update_message`; text
        // and blocks limits and Tier 3 are checked before (slack-limits.ts).
        const key = `${String(body.channel)}\u0000${String(body.ts)}`;
        const posted = this.#posted.get(key);
        if (!posted) return { status: 200, body: { ok: false, error: 'message_not_found' } };
        if (posted.poster !== (tokenOf(body, authorization) ?? ''))
          return { status: 200, body: { ok: false, error: 'cant_update_message' } };
        if (typeof body.text !== 'string' && body.blocks === undefined)
          return { status: 200, body: { ok: false, error: 'no_text' } };
        this.#posted.set(key, { ...posted, text: String(body.text ?? '') });
        return ok({ channel: body.channel, ts: body.ts, text: body.text });
      }
      default:
        return ok();
    }
  }
}

/** Web API methods Slack answers without a token: the OAuth exchange authenticates with the client's id and secret. */
const TOKENLESS_METHODS = new Set(['oauth.v2.access']);

/**
 * Slack's answer to a Web API call with no token (`not_authed`) or with something that is not a
 * Slack token (`invalid_auth`), whether the token came as a Bearer header or a `token` field; a
 * response_url needs none. Undefined when the call may go on.
 */
function unauthenticated(method: string, body: Record<string, unknown>, authorization?: string): FakeReply | undefined {
  if (method.startsWith('response:') || TOKENLESS_METHODS.has(method)) return undefined;
  const token = tokenOf(body, authorization);
  if (token === undefined || token === '') return { status: 200, body: { ok: false, error: 'not_authed' } };
  if (!/^xox[bpae]-|^xapp-/.test(token)) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
  return undefined;
}

/** The token a call carries, as a Bearer header or a `token` field. */
function tokenOf(body: Record<string, unknown>, authorization?: string): string | undefined {
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
  return bearer ?? (typeof body.token === 'string' ? body.token : undefined);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient sends forms whose nested values (blocks, views) are JSON strings; Bolt's respond sends JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}
