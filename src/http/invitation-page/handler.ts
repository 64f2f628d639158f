import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, LinkAnswer, MembershipCore, Result } from '../../core/index.ts';
import { type Logger, logUnexpected } from '../../log.ts';
import { type Csrf, createCsrf } from './csrf.ts';
import { isCrossSite } from './origin.ts';
import { createFailureLimiter, type FailureLimit, GUESS_LIMIT } from './rate-limit.ts';
import { readForm } from './read-form.ts';
import { CROSS_SITE, type Refusal, refusalOf, STALE_FORM } from './refusals.ts';
import { answeredPage, CONTENT_SECURITY_POLICY, invitationPage, messagePage } from './render.ts';

export const INVITATIONS_PREFIX = '/invitations/';

export interface InvitationPageDeps {
  readonly core: Pick<MembershipCore, 'viewInvitation' | 'acceptByLink' | 'declineByLink'>;
  readonly clock: Clock;
  /** PUBLIC_URL: its origin is the only one a form may be posted from. */
  readonly publicUrl: string;
  readonly log: Logger;
  /** Signs the forms' tokens; processes behind one load balancer must share it. */
  readonly csrfKey: Buffer;
  readonly limit?: FailureLimit;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Codes are base32 with the spaces or dashes people add; anything else cannot be one. */
const CODE_SHAPE = /^[A-Za-z0-9-]{1,100}$/;

function send(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    // The page holds a code and a form token: no cache, shared or private, keeps a copy.
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(html);
}

const refuse = (res: ServerResponse, r: Refusal) => send(res, r.status, messagePage(r.title, r.text));

function codeOf(path: string): string | undefined {
  let code: string;
  try {
    code = decodeURIComponent(path.slice(INVITATIONS_PREFIX.length));
  } catch {
    return undefined;
  }
  return CODE_SHAPE.test(code) ? code : undefined;
}

/**
 * `GET /invitations/<code>` shows the invitation; `POST` answers it (SPEC §9). The request line
 * holds the code, so nothing here logs the URL: an unexpected error logs a route template.
 */
export function createInvitationPage(deps: InvitationPageDeps): Handler {
  const limiter = createFailureLimiter(deps.limit ?? GUESS_LIMIT, deps.clock);
  const csrf: Csrf = createCsrf(deps.csrfKey);
  const origin = new URL(deps.publicUrl).origin;

  const settle = (res: ServerResponse, address: string, result: Result<LinkAnswer>) => {
    if (result.ok) return send(res, 200, answeredPage(result.value));
    if (result.error.code === 'invalid_code') limiter.fail(address);
    refuse(res, refusalOf(result.error));
  };

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = limiter.retryAfterSeconds(address);
    if (wait !== undefined) {
      const text = 'Too many invitation links that do not exist were tried from your address. Try again later.';
      return send(res, 429, messagePage('Too many attempts', text), { 'retry-after': String(wait) });
    }
    const code = codeOf(path);
    if (code === undefined) {
      limiter.fail(address);
      return refuse(res, refusalOf({ code: 'invalid_code' }));
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const view = await deps.core.viewInvitation({ code });
      if (!view.ok) {
        if (view.error.code === 'invalid_code') limiter.fail(address);
        return refuse(res, refusalOf(view.error));
      }
      const now = deps.clock();
      return send(res, 200, invitationPage(view.value, { action: path, token: csrf.issue(code, now), now }));
    }
    if (req.method !== 'POST')
      return send(res, 405, messagePage('Not allowed', 'Use the invitation page.'), { allow: 'GET, POST' });
    if (isCrossSite(req, origin)) return refuse(res, CROSS_SITE);
    const form = await readForm(req);
    if (!form.ok) return send(res, form.status, messagePage('Form refused', form.reason));
    if (!csrf.verify(form.fields.get('token') ?? '', code, deps.clock())) return refuse(res, STALE_FORM);
    const answer = form.fields.get('answer');
    if (answer === 'accept') return settle(res, address, await deps.core.acceptByLink({ code }));
    if (answer === 'decline') return settle(res, address, await deps.core.declineByLink({ code }));
    return send(res, 400, messagePage('Form refused', 'Choose Accept or Decline.'));
  }

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    handle(req, res, path).catch((error: unknown) => {
      const ref = logUnexpected(deps.log, error, { route: `${req.method ?? ''} ${INVITATIONS_PREFIX}:code` });
      if (!res.headersSent)
        send(res, 500, messagePage('Something went wrong', `Please try again later (reference ${ref}).`));
      else res.destroy();
    });
  };
}
