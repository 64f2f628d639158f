import type { IncomingMessage } from 'node:http';

/**
 * Whether a POST came from a page of another site: the browser's own statement (`Sec-Fetch-Site`)
 * when it sends one, else the `Origin` header compared with PUBLIC_URL's. A request carrying
 * neither (an old browser, a script) still needs the page's token.
 */
export function isCrossSite(req: IncomingMessage, expectedOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return true;
  const origin = req.headers.origin;
  return origin !== undefined && origin !== expectedOrigin;
}
