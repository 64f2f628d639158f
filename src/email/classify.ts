import type { DeliveryOutcome } from '../core/model.ts';

interface SmtpErrorShape {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly message?: unknown;
}

/**
 * RFC 5321 §4.2.1: a 5yz reply is a permanent refusal (an unknown mailbox, a refused message), a
 * 4yz one temporary. Connection failures and timeouts carry no reply and are temporary. A refused
 * login (EAUTH) is the operator's to fix: retried (with the outbox's long operator backoff) and
 * reported, never blamed on the recipient.
 */
export function classifySmtpError(error: unknown): DeliveryOutcome {
  const e: SmtpErrorShape = typeof error === 'object' && error !== null ? error : {};
  const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const said = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : '';
  const reason = `SMTP ${reply ?? code}: ${said}`.slice(0, 300);
  if (reply !== undefined && reply >= 500 && reply < 600 && code !== 'EAUTH')
    return { status: 'undeliverable', reason };
  return { status: 'retry', reason };
}
