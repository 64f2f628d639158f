import { createTransport } from 'nodemailer';
import type { Clock, DeliveryOutcome, Notifier, OutboundNotification } from '../core/index.ts';
import { classifySmtpError } from './classify.ts';
import { renderEmail } from './templates.ts';

export interface EmailSettings {
  /** `smtp://user:pass@host:port` or `smtps://…` (SPEC §8). */
  readonly smtpUrl: string;
  /** `Rollcall <rollcall@example.com>`. */
  readonly from: string;
  /** Where people reach the invitation pages. */
  readonly publicUrl: string;
  /**
   * The deadline of each stage of a delivery (connecting, the greeting, any silence after it), so
   * a server that accepts the connection and never answers costs this long, not forever.
   */
  readonly timeoutMs?: number;
}

export interface EmailNotifier extends Notifier {
  close(): void;
}

/** Under the dispatcher's own deadline on an attempt (ATTEMPT_DEADLINE_MS, 4 s), so SMTP gives up first. */
const DEFAULT_TIMEOUT_MS = 3_000;

/** Delivers the outbox's email rows through SMTP: one connection per message, closed after it. */
export function createEmailNotifier(settings: EmailSettings, clock: Clock): EmailNotifier {
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport({
    url: settings.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Templates never attach files or fetch URLs: refuse both, whatever an event may hold.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const host = new URL(settings.publicUrl).hostname || 'rollcall.local';

  async function deliver(n: OutboundNotification): Promise<DeliveryOutcome> {
    if (n.destination.kind !== 'email') return { status: 'undeliverable', reason: 'not a mailbox' };
    const content = renderEmail(n.event, { code: n.secret, publicUrl: settings.publicUrl, now: clock() });
    if (!content) return { status: 'undeliverable', reason: `no email for ${n.event.kind}` };
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to: n.destination.email,
        subject: content.subject,
        text: content.text,
        html: content.html,
        // One id per outbox row: a retry after a lost acknowledgement is recognisably the same message.
        messageId: `<${n.id}@${host}>`,
      });
      if (info.rejected.length > 0) return { status: 'undeliverable', reason: 'SMTP: recipient refused' };
      return { status: 'delivered' };
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  return { platform: 'email', deliver, close: () => transport.close() };
}
