import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { manualClock } from '../support/stores.ts';
import { coreOn, onConsole } from './cli-store.ts';
import { freshDatabaseUrl, rollcall } from './spawn-cli.ts';

describe('rollcall sweep', { timeout: 120_000 }, () => {
  it('expires invitations past their 48 hours and prints the console notifications once', async () => {
    const DATABASE_URL = freshDatabaseUrl();
    // The invitation was sent 49 hours ago, by the wall clock the CLI process uses.
    const { store, core } = await coreOn(DATABASE_URL, manualClock(Date.now() - 49 * HOUR));
    try {
      expect(
        (
          await core.setup(onConsole('olivia@acme.test'), {
            orgName: 'Acme',
            isPlatformAdmin: true,
            defaultChannelId: 'terminal',
          })
        ).ok,
      ).toBe(true);
      expect((await core.invite(onConsole('olivia@acme.test'), { emails: ['bob@acme.test'] })).ok).toBe(true);
    } finally {
      await store.close();
    }

    const first = await rollcall(['sweep'], { DATABASE_URL });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '[#terminal] olivia@acme.test invited bob@acme.test to Acme as Organization Member.',
    );
    // The announcement is a live card: the console, which cannot edit a printed line, prints the change.
    expect(first.stdout).toContain('[#terminal] card: bob@acme.test expired');
    expect(first.stdout).toMatch(/^Expired 1 invitation\(s\)\. Notifications: \d+ delivered, 0 to retry/m);

    const second = await rollcall(['sweep'], { DATABASE_URL });
    expect(second.stdout).toBe('Expired 0 invitation(s). Notifications: 0 delivered, 0 to retry, 0 undeliverable.\n');
  });
});
