import { afterEach } from 'vitest';
import type { Caller } from '../../src/core/index.ts';
import { createEmailNotifier, type EmailNotifier } from '../../src/email/smtp-notifier.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { DialectName } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import { consoleCaller, fixtures, setupOrg } from '../support/core-harness.ts';
import { recordingNotifier, silentLog } from '../support/core-notifier.ts';

export const PUBLIC_URL = 'https://rollcall.example.test';
export const MAIL_FROM = 'Rollcall <rollcall@example.test>';

/**
 * A real core with email on, an organization set up on the console, and the outbox delivered by
 * the real SMTP notifier (and a recording console notifier for the channel posts).
 */
export function emailWorlds(dialect: DialectName) {
  const make = fixtures(dialect);
  const notifiers: EmailNotifier[] = [];
  afterEach(() => {
    for (const n of notifiers.splice(0)) n.close();
  });
  return async (smtpUrl: string, options: { timeoutMs?: number } = {}) => {
    const { store, clock } = await make.bare();
    const core = buildCore(store, clock, { sendsEmail: true });
    const owner: Caller = consoleCaller('owner@acme.test');
    await setupOrg(core, owner);
    const email = createEmailNotifier({ smtpUrl, from: MAIL_FROM, publicUrl: PUBLIC_URL, ...options }, clock);
    notifiers.push(email);
    const terminal = recordingNotifier('console');
    const metrics = createMetrics();
    const deps = { store, clock, notifiers: [email, terminal.notifier], log: silentLog, metrics };
    return { core, store, clock, owner, terminal, metrics, dispatch: () => dispatchNotifications(deps) };
  };
}

/** The code in an invitation email's link. */
export function linkCode(text: string): string {
  const match = /\/invitations\/([A-Z0-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}
