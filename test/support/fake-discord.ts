import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DiscordCheck, DiscordLimits } from './discord-limits.ts';
import { FakeGateway } from './fake-discord-gateway.ts';
import { deliverOverHttp, type HttpDelivery } from './fake-discord-http.ts';
import { commandData, envelope, type InteractionSource, type OptionValue } from './fake-discord-payloads.ts';
import { type RestCall, type Route, restHandler, type ScriptedFailure } from './fake-discord-rest.ts';
import { discordRoutes, type RouteContext } from './fake-discord-routes.ts';
import { apiMessage, type FakeMessage, MessageStore, nextSnowflake } from './fake-discord-store.ts';

export type { FakeUser, InteractionSource } from './fake-discord-payloads.ts';
export { PERMISSIONS, permissionString } from './fake-discord-payloads.ts';
export type { RestCall } from './fake-discord-rest.ts';
export { buttonsOf, type FakeMessage } from './fake-discord-store.ts';

/** The first thing an interaction showed its user: a reply, an edit of the original, or a follow-up. */
export interface Answer {
  readonly via: 'callback' | 'edit' | 'followup';
  readonly content: string;
  readonly flags: number;
  readonly components: unknown[];
  readonly choices?: Array<{ name: string; value: string }>;
  /** The interaction's original message as it stands now: the reply, or the clicked message. */
  readonly message?: FakeMessage;
}

const EPHEMERAL = 64;

/**
 * A local Discord for tests: REST under /api/v10 and a gateway on the same port, both on 127.0.0.1.
 * The real discord.js client logs in against it; the test dispatches interactions and asserts on
 * the calls it records and the messages it holds.
 */
export class FakeDiscord {
  readonly token = 'fake-bot-token';
  readonly applicationId = '1100000000000000001';
  readonly botUser = { id: '1100000000000000002', username: 'Rollcall' };
  readonly calls: RestCall[] = [];
  readonly messages = new MessageStore();
  readonly failures: ScriptedFailure[] = [];
  /** Discord's published limits, enforced unless a test opts out (discord-limits.ts). */
  readonly limits = new DiscordLimits();
  private readonly events = new EventEmitter();
  private readonly interactions: RouteContext['interactions'] = new Map();
  private readonly dmChannels = new Map<string, string>();
  private readonly commandId = nextSnowflake();
  private gatewayServer: FakeGateway | undefined;
  private routes: Route[] = [];
  private http: HttpDelivery | undefined;
  /** Interactions sent over HTTP: which endpoint took each, and its status. */
  readonly httpDeliveries: Array<{ url: string; status: number }> = [];

  private constructor(private readonly server: Server) {
    // One listener per answer awaited: a test may await dozens of interactions at once.
    this.events.setMaxListeners(0);
  }

  static async start(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server);
    const context: RouteContext = {
      token: fake.token,
      applicationId: fake.applicationId,
      botUser: fake.botUser,
      messages: fake.messages,
      wsUrl: () => fake.wsUrl,
      interactions: fake.interactions,
      dmChannels: fake.dmChannels,
    };
    fake.routes = fake.limits.guard(discordRoutes(context));
    server.on(
      'request',
      restHandler(fake.routes, fake.failures, (call) => fake.record(call)),
    );
    const identity = { botUserId: fake.botUser.id, applicationId: fake.applicationId, token: fake.token };
    fake.gatewayServer = new FakeGateway(server, identity, options.heartbeatIntervalMs ?? 1_000, () => fake.wsUrl);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL: discord.js appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get gateway(): FakeGateway {
    if (!this.gatewayServer) throw new Error('fake Discord not started');
    return this.gatewayServer;
  }

  /** Lets through requests breaking one kind of limit: only for a test marked KNOWN-LIMIT-BUG. */
  allowOversized(...checks: DiscordCheck[]): void {
    this.limits.allow(...checks);
  }

  /** From now on interactions go to these endpoints (round-robin), signed with this key, not over the gateway. */
  sendOverHttp(urls: readonly string[], privateKey: HttpDelivery['privateKey']): void {
    this.http = { urls, privateKey, next: 0 };
  }

  fail(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** The DM channel the bot opened with this user, if any. */
  dmChannelOf(userId: string): string | undefined {
    return this.dmChannels.get(userId);
  }

  dmsTo(userId: string): FakeMessage[] {
    const channelId = this.dmChannels.get(userId);
    return channelId ? this.messages.inChannel(channelId) : [];
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitForCall(matches: (call: RestCall) => boolean): Promise<RestCall> {
    const seen = this.calls.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (call: RestCall) => {
        if (!matches(call)) return;
        this.events.off('call', listener);
        resolve(call);
      };
      this.events.on('call', listener);
    });
  }

  /** Dispatches `/members <subcommand>` and returns the interaction token. */
  sendCommand(source: InteractionSource, subcommand: string, options: Readonly<Record<string, OptionValue>> = {}) {
    return this.dispatch(source, { type: 2, data: commandData(this.commandId, subcommand, options) });
  }

  sendAutocomplete(source: InteractionSource, subcommand: string, focused: string, typed: string): string {
    const data = commandData(this.commandId, subcommand, { [focused]: typed }, focused);
    return this.dispatch(source, { type: 4, data });
  }

  clickButton(source: InteractionSource, message: FakeMessage, customId: string): string {
    const data = { custom_id: customId, component_type: 2 };
    const fields = { type: 3, data, message: apiMessage(message, this.botUser, this.applicationId) };
    return this.dispatch(source, fields, message);
  }

  /** Picks `values` in the string select `customId` of `message` (component type 3), as a client sends it. */
  chooseOption(source: InteractionSource, message: FakeMessage, customId: string, values: readonly string[]): string {
    const data = { custom_id: customId, component_type: 3, values };
    const fields = { type: 3, data, message: apiMessage(message, this.botUser, this.applicationId) };
    return this.dispatch(source, fields, message);
  }

  /** What the user saw first in answer to the interaction with this token. */
  async answerTo(token: string): Promise<Answer> {
    const call = await this.waitForCall((c) => answers(c, token, this.applicationId));
    const body = call.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    const payload = call.path.endsWith('/callback') ? (body.data ?? {}) : body;
    const via = call.path.endsWith('/callback') ? 'callback' : call.method === 'PATCH' ? 'edit' : 'followup';
    const original = this.interactions.get(token)?.original;
    const flags = Number(payload.flags ?? (via === 'edit' ? (original?.flags ?? 0) : 0));
    return {
      via,
      content: String(payload.content ?? ''),
      flags,
      components: (payload.components as unknown[] | undefined) ?? [],
      ...(payload.choices ? { choices: payload.choices as Array<{ name: string; value: string }> } : {}),
      ...(original ? { message: original } : {}),
    };
  }

  static isEphemeral(answer: Answer): boolean {
    return (answer.flags & EPHEMERAL) === EPHEMERAL;
  }

  /** The interaction's original message (the reply, or the message whose button was clicked). */
  originalOf(token: string): FakeMessage | undefined {
    return this.interactions.get(token)?.original;
  }

  async close(): Promise<void> {
    await this.gatewayServer?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.limits.assertNoRefusals();
    const refused = this.httpDeliveries.filter((d) => d.status !== 200);
    if (refused.length > 0) throw new Error(`interactions refused over HTTP: ${JSON.stringify(refused)}`);
  }

  private dispatch(source: InteractionSource, fields: Record<string, unknown>, original?: FakeMessage): string {
    const token = `tok${nextSnowflake()}`;
    const id = nextSnowflake();
    this.interactions.set(token, { channelId: source.channelId, ...(original ? { original } : {}) });
    this.limits.dispatched(token);
    const payload = { ...envelope(source, { id, applicationId: this.applicationId, token }), ...fields };
    if (this.http) {
      void deliverOverHttp(this.http, { ...payload, id, token }, this.routes, (call) => this.record(call)).then(
        (delivery) => this.httpDeliveries.push(delivery),
      );
      return token;
    }
    if (this.gateway.dispatch('INTERACTION_CREATE', payload) === 0) throw new Error('no bot session is connected');
    return token;
  }

  private record(call: RestCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }
}

const CONTENT_CALLBACKS = new Set([4, 7, 8]);

function answers(call: RestCall, token: string, applicationId: string): boolean {
  if (call.method === 'POST' && /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path)?.[1] === token) {
    return CONTENT_CALLBACKS.has((call.body as { type: number }).type);
  }
  if (call.method === 'PATCH') return call.path === `/webhooks/${applicationId}/${token}/messages/@original`;
  return call.method === 'POST' && call.path === `/webhooks/${applicationId}/${token}`;
}
