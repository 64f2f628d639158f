import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleHarness, codeFor, startConsole } from './console-harness.ts';

const OWNER = 'olivia@acme.test';
const ANA = 'ana@x.io';

let harness: ConsoleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('time-limited memberships on the console', () => {
  it('invites for 2 weeks, lists the end once accepted, and extends it', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    await h.send('setup Acme');
    const invited = await h.send(`invite ${ANA} for 2w`);
    expect(invited).toContain(`Invited ${ANA} as Organization Member, for 2 weeks, expires in 48 hours.`);
    await h.send(`as ${ANA}`);
    await h.send(`accept ${codeFor(invited, ANA)}`);
    await h.send(`as ${OWNER}`);

    expect(await h.send('list members')).toMatch(/ana@x\.io\s+Organization Member\s+joined just now, ends in 14 days/);
    expect(await h.send(`extend ${ANA} 3 days`)).toContain(
      `Extended ${ANA} by 3 days: the membership now ends in 17 days (2026-12-10).`,
    );
    expect(await h.send(`extend ${OWNER} 3d`)).toContain(`${OWNER} has no end date to extend.`);
  });

  it('refuses a malformed or out-of-range duration and a time-limited owner, inviting nobody', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    await h.send('setup Acme');
    expect(await h.send(`invite ${ANA} for 90m`)).toContain('"90m" is not a duration. Use hours, days, weeks or years');
    expect(await h.send(`invite ${ANA} for 30min`)).toContain('is not a duration');
    expect(await h.send(`invite ${ANA} for 400d`)).toContain('1 hour to 1 year');
    expect(await h.send(`invite ${ANA} as owner for 30d`)).toContain('Owners cannot be time-limited');
    expect(await h.send('list pending')).toContain('Pending invitations (0)');
  });
});
