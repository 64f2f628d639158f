import { checkChoices, checkCommand, checkMessage, FormErrors } from './discord-form-limits.ts';
import type { RestCall, Route, RouteReply } from './fake-discord-rest.ts';

/**
 * The kinds of limit a test can opt out of (FakeDiscord.allowOversized). `timing` is the
 * interaction token's clock: Discord's "Receiving and Responding" page
 * (discord.com/developers/docs/interactions/receiving-and-responding) gives 3 seconds for the first
 * response (later: 404, 10062 Unknown interaction), one response only (400, 40060 Interaction has
 * already been acknowledged), and 15 minutes for edits and follow-ups on the token (401, 50027
 * Invalid Webhook Token; codes from /topics/opcodes-and-status-codes#json).
 */
export type DiscordCheck = 'content' | 'components' | 'embeds' | 'choices' | 'commands' | 'timing';

export interface DiscordRefusal {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

const FIRST_RESPONSE_MS = 3_000;
const TOKEN_LIFETIME_MS = 15 * 60_000;
const AUTOCOMPLETE_RESULT = 8;
const FORM_KEYS = new Set<string>(['content', 'components', 'embeds', 'choices']);

const CALLBACK = /^\/interactions\/\d+\/([^/]+)\/callback$/;
const WEBHOOK = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/;
const CHANNEL_MESSAGE = /^\/channels\/\d+\/messages$/;
const CHANNEL_MESSAGE_EDIT = /^\/channels\/\d+\/messages\/\d+$/;
const COMMANDS = /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/;

/** What real Discord refuses, answered as Discord answers it; on by default. */
export class DiscordLimits {
  /** The fake's clock for interaction deadlines; tests may replace it. */
  now: () => number = Date.now;
  readonly refusals: DiscordRefusal[] = [];
  readonly #allowed = new Set<DiscordCheck>();
  readonly #interactions = new Map<string, { at: number; acknowledged: boolean }>();

  allow(...checks: DiscordCheck[]): void {
    for (const check of checks) this.#allowed.add(check);
  }

  /** Starts the token's clocks: called when the fake dispatches an interaction. */
  dispatched(token: string): void {
    this.#interactions.set(token, { at: this.now(), acknowledged: false });
  }

  takeRefusals(): DiscordRefusal[] {
    return this.refusals.splice(0);
  }

  /** Throws when Discord refused anything the test did not take: called when the fake closes. */
  assertNoRefusals(): void {
    if (this.refusals.length === 0) return;
    const lines = this.refusals.map((r) => `${r.method} ${r.path}: ${r.status} ${JSON.stringify(r.body)}`);
    throw new Error(`Discord would have refused ${this.refusals.length} request(s):\n${lines.join('\n')}`);
  }

  /** Every route, answering Discord's refusal first when there is one. */
  guard(routes: readonly Route[]): Route[] {
    return routes.map((route) => ({
      ...route,
      handle: (call, params) => this.check(call) ?? route.handle(call, params),
    }));
  }

  check(call: RestCall): RouteReply | undefined {
    const errors = new FormErrors((path) => this.#skips(path));
    const callback = call.method === 'POST' ? CALLBACK.exec(call.path) : null;
    if (callback) {
      const late = this.#firstResponse(callback[1] ?? '');
      if (late) return this.#refuse(call, late);
      const { type, data } = call.body as { type?: number; data?: unknown };
      if (type === AUTOCOMPLETE_RESULT) checkChoices(errors, data, ['data']);
      else checkMessage(errors, data, ['data']);
    }
    const webhook = WEBHOOK.exec(call.path);
    if (webhook) {
      const expired = this.#tokenExpired(webhook[1] ?? '');
      if (expired) return this.#refuse(call, expired);
      checkMessage(errors, call.body);
    }
    if (call.method === 'POST' && CHANNEL_MESSAGE.test(call.path)) checkMessage(errors, call.body);
    if (call.method === 'PATCH' && CHANNEL_MESSAGE_EDIT.test(call.path)) checkMessage(errors, call.body);
    if (call.method === 'PUT' && COMMANDS.test(call.path) && !this.#allowed.has('commands')) {
      (Array.isArray(call.body) ? call.body : []).forEach((command, i) => {
        checkCommand(errors, command, [i]);
      });
    }
    if (errors.count === 0) {
      // Only a response Discord accepts uses up the interaction's one response.
      const acknowledged = callback ? this.#interactions.get(callback[1] ?? '') : undefined;
      if (acknowledged) acknowledged.acknowledged = true;
      return undefined;
    }
    return this.#refuse(call, {
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body', errors: errors.tree },
    });
  }

  /** Opted-out checks are named by the first form key on the error's path (`data.content` → content). */
  #skips(path: readonly (string | number)[]): boolean {
    const key = path.find((k): k is string => typeof k === 'string' && FORM_KEYS.has(k));
    return key !== undefined && this.#allowed.has(key as DiscordCheck);
  }

  #firstResponse(token: string): RouteReply | undefined {
    const interaction = this.#interactions.get(token);
    if (!interaction || this.#allowed.has('timing')) return undefined;
    if (interaction.acknowledged) {
      return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
    }
    if (this.now() - interaction.at > FIRST_RESPONSE_MS) {
      return { status: 404, body: { code: 10062, message: 'Unknown interaction' } };
    }
    return undefined;
  }

  #tokenExpired(token: string): RouteReply | undefined {
    const interaction = this.#interactions.get(token);
    if (!interaction || this.#allowed.has('timing')) return undefined;
    if (this.now() - interaction.at <= TOKEN_LIFETIME_MS) return undefined;
    return { status: 401, body: { code: 50027, message: 'Invalid Webhook Token' } };
  }

  #refuse(call: RestCall, reply: RouteReply): RouteReply {
    this.refusals.push({ method: call.method, path: call.path, status: reply.status, body: reply.body });
    return reply;
  }
}
