import { describe, expect, it } from 'vitest';
import { startConsole } from './console-harness.ts';

describe('console failures', () => {
  it('shows a reference id for an unexpected failure and keeps the details in the log', async () => {
    const h = await startConsole({ as: 'olivia@acme.test' });
    await h.send('setup Acme');
    // A database that went away is a real unexpected failure, not a rule of the core.
    await h.store.close();
    const answer = await h.finish('list');
    const ref = /^Something went wrong \(ref ([0-9a-f]+)\)\.$/m.exec(answer)?.[1];
    expect(ref).toBeDefined();
    expect(answer).not.toMatch(/\bat .+\.ts:\d+/);
    expect(h.logged()).toContain(`"ref":"${ref}"`);
  });

  it('treats the end of the input during a confirmation as no', async () => {
    const h = await startConsole({ as: 'olivia@acme.test' });
    await h.send('setup Acme');
    await h.send('invite bob@acme.test');
    const answer = await h.finish('revoke bob@acme.test');
    expect(answer).toContain(
      'Revoke the invitation of bob@acme.test (Organization Member, invited by olivia@acme.test)? [y/N]',
    );
    expect(answer).toContain('Cancelled; nothing changed.');
    await h.close();
  });
});
