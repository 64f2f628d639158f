import { type KeyObject, sign } from 'node:crypto';
import type { RestCall, Route } from './fake-discord-rest.ts';

/** Where the fake sends interactions when the bot runs with DISCORD_PUBLIC_KEY: its endpoints, in turn. */
export interface HttpDelivery {
  readonly urls: readonly string[];
  readonly privateKey: KeyObject;
  next: number;
}

/** Discord's headers: Ed25519 over `timestamp + body`, hex. */
export function signatureHeaders(
  privateKey: KeyObject,
  body: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/** POSTs an interaction as Discord does: signed, JSON; returns the status and the parsed answer. */
export async function postSigned(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/**
 * Sends one interaction over HTTP to the next endpoint; a 200's body is the interaction's first
 * response, which Discord treats as the callback the gateway flow would have POSTed: so it is
 * recorded and checked as that call (`/interactions/{id}/{token}/callback`).
 */
export async function deliverOverHttp(
  delivery: HttpDelivery,
  payload: { id: string; token: string } & Record<string, unknown>,
  routes: readonly Route[],
  record: (call: RestCall) => void,
): Promise<{ url: string; status: number }> {
  const url = delivery.urls[delivery.next % delivery.urls.length] ?? '';
  delivery.next += 1;
  const body = JSON.stringify(payload);
  const answer = await postSigned(url, body, signatureHeaders(delivery.privateKey, body));
  if (answer.status !== 200) return { url, status: answer.status };
  const call: RestCall = {
    method: 'POST',
    path: `/interactions/${payload.id}/${payload.token}/callback`,
    query: new URLSearchParams(),
    authorization: undefined,
    body: answer.body,
  };
  record(call);
  for (const route of routes) {
    const match = route.method === call.method ? route.pattern.exec(call.path) : null;
    if (match) {
      route.handle(call, match.slice(1));
      break;
    }
  }
  return { url, status: answer.status };
}
