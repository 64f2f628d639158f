import type { RequestListener } from 'node:http';
import { afterEach } from 'vitest';
import type { Caller } from '../../src/core/index.ts';
import { createEmailNotifier } from '../../src/email/smtp-notifier.ts';
import { createInvitationPage } from '../../src/http/invitation-page/handler.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { DialectName } from '../../src/store/connect.ts';
import { linkCode } from '../email/email-world.ts';
import { parseMail } from '../email/mime.ts';
import { startSmtpStandIn } from '../email/smtp-stand-in.ts';
import { buildCore } from '../support/core-build.ts';
import { consoleCaller, fixtures, setupOrg } from '../support/core-harness.ts';
import { recordingNotifier, silentLog } from '../support/core-notifier.ts';

/**
 * The real HTTP server with the invitation page mounted at PUBLIC_URL = http://127.0.0.1:<port>,
 * a real core with email on, and a real SMTP server catching the invitation emails.
 */
export function pageWorlds(dialect: DialectName) {
  const make = fixtures(dialect);
  const closers: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const closeIt of closers.splice(0).reverse()) await closeIt();
  });
  return async () => {
    const { store, clock } = await make.bare();
    const core = buildCore(store, clock, { sendsEmail: true });
    const owner: Caller = consoleCaller('owner@acme.test');
    await setupOrg(core, owner);
    let page: RequestListener | undefined;
    const server = createHttpServer({
      metrics: createMetrics(),
      invitations: (req, res) => page?.(req, res),
    });
    const port = await listen(server, 0, '127.0.0.1');
    closers.push(() => close(server));
    const publicUrl = `http://127.0.0.1:${port}`;
    page = createInvitationPage({ core, clock, log: silentLog, publicUrl, csrfKey: Buffer.alloc(32, 7) });
    const smtp = await startSmtpStandIn();
    closers.push(smtp.close);
    const email = createEmailNotifier({ smtpUrl: smtp.url, from: 'Rollcall <r@acme.test>', publicUrl }, clock);
    closers.push(() => email.close());
    const terminal = recordingNotifier('console');
    const deps = { store, clock, notifiers: [email, terminal.notifier], log: silentLog };

    /** Invites `address` and returns the link from the email it received. */
    const emailedLink = async (address: string): Promise<string> => {
      const before = smtp.received.length;
      const outcome = await core.invite(owner, { emails: [address] });
      if (!outcome.ok) throw new Error(outcome.error.code);
      await dispatchNotifications(deps);
      const mail = smtp.received.slice(before).find((m) => m.to.includes(address));
      if (!mail) throw new Error(`no email reached ${address}`);
      const text = parseMail(mail.raw).text;
      return `${publicUrl}/invitations/${linkCode(text)}`;
    };
    return { core, owner, publicUrl, port, terminal, emailedLink, dispatch: () => dispatchNotifications(deps) };
  };
}
