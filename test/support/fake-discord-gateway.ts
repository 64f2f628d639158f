import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

/** What the gateway saw of the client's side of the protocol. */
export interface GatewayLog {
  readonly identifies: Array<{ token: string; intents: number; shard: unknown }>;
  /** The query string of each connection (`v=10&encoding=json`). */
  readonly connections: URLSearchParams[];
  heartbeats: number;
}

export interface GatewayIdentity {
  readonly botUserId: string;
  readonly applicationId: string;
  readonly token: string;
}

const OP = { dispatch: 0, heartbeat: 1, identify: 2, hello: 10, heartbeatAck: 11 } as const;
/** Gateway close code 4004: the token was wrong, as Discord answers it. */
const AUTHENTICATION_FAILED = 4004;

/**
 * A small Discord gateway on the fake's HTTP server: HELLO, IDENTIFY → READY with no guilds (so the
 * client does not wait for GUILD_CREATE), heartbeat ACKs, and dispatches the test sends.
 */
export class FakeGateway {
  readonly log: GatewayLog = { identifies: [], connections: [], heartbeats: 0 };
  private readonly wss: WebSocketServer;
  private readonly ready = new Set<WebSocket>();
  private sequence = 0;
  private readonly events = new EventEmitter();

  constructor(
    server: Server,
    private readonly identity: GatewayIdentity,
    private readonly heartbeatIntervalMs: number,
    private readonly wsUrl: () => string,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => this.onConnection(socket, request.url ?? '/'));
  }

  /** Sends a dispatch to every identified session (normally the one bot). */
  dispatch(event: string, data: unknown): number {
    this.sequence += 1;
    const payload = JSON.stringify({ op: OP.dispatch, t: event, s: this.sequence, d: data });
    for (const socket of this.ready) socket.send(payload);
    return this.ready.size;
  }

  get sessions(): number {
    return this.ready.size;
  }

  /** Resolves once the client has sent a heartbeat (now or earlier) and it was acknowledged. */
  heartbeat(): Promise<void> {
    if (this.log.heartbeats > 0) return Promise.resolve();
    return new Promise((resolve) => this.events.once('heartbeat', () => resolve()));
  }

  close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, url: string): void {
    this.log.connections.push(new URL(url, 'ws://fake.invalid').searchParams);
    socket.on('message', (raw) => this.onMessage(socket, raw.toString()));
    socket.on('close', () => this.ready.delete(socket));
    socket.send(
      JSON.stringify({ op: OP.hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
  }

  private onMessage(socket: WebSocket, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: unknown };
    if (payload.op === OP.heartbeat) {
      this.log.heartbeats += 1;
      socket.send(JSON.stringify({ op: OP.heartbeatAck, d: null, s: null, t: null }));
      this.events.emit('heartbeat');
      return;
    }
    if (payload.op === OP.identify) this.identify(socket, payload.d as GatewayLog['identifies'][number]);
  }

  private identify(socket: WebSocket, identify: GatewayLog['identifies'][number]): void {
    this.log.identifies.push(identify);
    if (identify.token !== this.identity.token) {
      socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return;
    }
    this.sequence += 1;
    const ready = {
      v: 10,
      user: {
        id: this.identity.botUserId,
        username: 'Rollcall',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
        flags: 0,
      },
      guilds: [],
      session_id: `session-${this.sequence}`,
      resume_gateway_url: this.wsUrl(),
      shard: [0, 1],
      application: { id: this.identity.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
    };
    socket.send(JSON.stringify({ op: OP.dispatch, t: 'READY', s: this.sequence, d: ready }));
    this.ready.add(socket);
  }
}
