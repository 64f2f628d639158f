import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

/** What the server answers, as real servers do: RFC 5321 reply codes carried on the error. */
export type SmtpBehaviour =
  | { kind: 'accept' }
  /** 451 to the message (a greylisting or busy server) for the first `times` messages. */
  | { kind: 'tempfail'; times: number }
  /** 550 to the recipient: the mailbox does not exist. */
  | { kind: 'refuse_recipient' };

const replyError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** A real SMTP server (smtp-server) on 127.0.0.1: no TLS, no login, every message kept. */
export async function startSmtpStandIn(initial: SmtpBehaviour = { kind: 'accept' }) {
  let behaviour = initial;
  let tempfailed = 0;
  const received: ReceivedMail[] = [];
  const counts = { rcpt: 0, data: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      counts.rcpt += 1;
      if (behaviour.kind === 'refuse_recipient') return callback(replyError(550, '5.1.1 No such user here'));
      callback();
    },
    onData(stream, session, callback) {
      counts.data += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (behaviour.kind === 'tempfail' && tempfailed < behaviour.times) {
          tempfailed += 1;
          return callback(replyError(451, '4.3.0 Try again later'));
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        received.push({
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    counts,
    behave(next: SmtpBehaviour) {
      behaviour = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts the TCP connection and never sends its greeting: a hung relay. */
export async function startHungSmtp() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
