import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** An acknowledgement the app sent back over the socket: the envelope it answers and its payload. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode end on 127.0.0.1: the URL `apps.connections.open` hands out, a `hello` on each
 * connection (Slack's handshake; the app counts as connected only after it), envelopes sent to the
 * app, and the acknowledgements it returns.
 */
export class FakeSlackSocket {
  readonly acks: SocketAck[] = [];
  #socket: WebSocket | undefined;
  #envelopes = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket) => {
      this.#socket = socket;
      socket.on('message', (data) => this.acks.push(JSON.parse(String(data)) as SocketAck));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0ROLL' } }));
    });
  }

  static async start(): Promise<FakeSlackSocket> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new FakeSlackSocket(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  get connected(): boolean {
    return this.#socket !== undefined;
  }

  /** Sends an envelope (e.g. `slash_commands` with the command's fields) and returns its id. */
  send(type: string, payload: Record<string, unknown>): string {
    if (!this.#socket) throw new Error('no app is connected');
    this.#envelopes += 1;
    const envelopeId = `env-${this.#envelopes}`;
    this.#socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
    return envelopeId;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
