import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Client } from 'discord.js';
import type { Logger } from '../../../src/log.ts';
import { malformedInteraction } from '../interaction-guard.ts';
import { captureInitialResponses } from './first-response.ts';
import { discordPublicKey, isSignedByDiscord } from './verify.ts';

/** Interactions are a few kilobytes; anything far larger is not Discord. */
const MAX_BODY = 256 * 1024;
/** Discord waits 3 seconds for the first response; past that an answer is useless. */
const FIRST_RESPONSE_MS = 2_900;
const PING = 1;
/** Command, component (button), autocomplete: what Rollcall answers; anything else is refused. */
const HANDLED = new Set([2, 3, 4]);

/** discord.js's own step from a raw INTERACTION_CREATE to an emitted Interaction (private in its typings). */
interface InteractionActions {
  readonly actions: { readonly InteractionCreate: { handle(data: unknown): unknown } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parse(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /discord/interactions (SPEC §8 "Discord over HTTP"). A signed interaction goes through the
 * same discord.js client the gateway would feed, so commands, buttons and autocomplete run the
 * gateway's handlers; their first response becomes this request's answer, the rest goes through
 * the webhook endpoints of the REST API. Any process serving this route can take any interaction.
 */
export function createInteractionsEndpoint(client: Client, publicKeyHex: string, log: Logger): RequestListener {
  const key = discordPublicKey(publicKeyHex);
  const initial = captureInitialResponses(client.rest);
  const actions = (client as unknown as InteractionActions).actions;
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (!body) return send(res, 413, { error: 'payload too large' });
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!isSignedByDiscord(key, String(signature ?? ''), String(timestamp ?? ''), body)) {
      return send(res, 401, { error: 'invalid request signature' });
    }
    const interaction = parse(body);
    if (interaction?.type === PING) return send(res, 200, { type: PING });
    const malformed = interaction ? malformedInteraction(interaction) : 'not JSON';
    if (!interaction || malformed || typeof interaction.type !== 'number' || !HANDLED.has(interaction.type)) {
      log.warn({ reason: malformed ?? 'unhandled type', interactionId: interaction?.id }, 'refused an interaction');
      return send(res, 400, { error: 'unsupported interaction' });
    }
    const first = initial.expect(String(interaction.token), FIRST_RESPONSE_MS);
    actions.InteractionCreate.handle(interaction);
    const response = await first;
    if (!response) {
      log.warn({ interactionId: interaction.id }, 'no first response to an interaction within 3 seconds');
      return send(res, 503, { error: 'no response' });
    }
    send(res, 200, response);
  };
  return (req, res) => {
    answer(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'could not answer an interaction');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  };
}
