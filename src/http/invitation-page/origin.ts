import type { IncomingMessage } from 'node:http';

/**
 * Whether a POST came from a page of another site. The browser's own statement, `Sec-Fetch-Site`
 * (a header no page can set), decides when present. Without it, `Origin` is compared with
 * PUBLIC_URL's, except `null`: our pages send `Referrer-Policy: no-referrer`, under which Chromium
 * posts `Origin: null` even from the same origin. A request carrying neither still needs the
 * page's token.
 */
export function isCrossSite(req: IncomingMessage, expectedOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin';
  const origin = req.headers.origin;
  return origin !== undefined && origin !== 'null' && origin !== expectedOrigin;
}
