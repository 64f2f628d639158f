import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleHarness, codeFor, startConsole } from './console-harness.ts';

const OWNER = 'olivia@acme.test';
const BOB = 'bob@acme.test';

let harness: ConsoleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('console requests', () => {
  it('a member asks an owner after a refused invite; the owner approves by the id in the channel line', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    await h.send('setup Acme');
    const code = codeFor(await h.send(`invite ${BOB}`), BOB);
    await h.send(`as ${BOB}`);
    await h.send(`accept ${code}`);

    const refused = await h.send('invite cto@acme.test as owner', 'n');
    expect(refused).toContain('Ask an owner to invite them instead? [y/N]');
    expect(refused).toContain('Nothing was asked.');
    const asked = await h.send('invite cto@acme.test as owner', 'y');
    expect(asked).toContain('Asked the owners of Acme for an invitation as Organization Owner for cto@acme.test');
    const id = /approve (\S+) \(or deny/.exec(asked)?.[1];
    if (id === undefined) throw new Error(`no request id in: ${asked}`);

    expect(await h.send(`approve ${id}`)).toContain('Only an owner can do that.');
    await h.send(`as ${OWNER}`);
    const approved = await h.send(`approve ${id}`);
    expect(approved).toContain(`${OWNER} approved the request of ${BOB}`);
    expect(approved).toMatch(/Invited cto@acme\.test as Organization Owner/);
    expect(await h.send(`deny ${id}`)).toContain('already approved');
  });

  it('list requests shows each open one with its id; the owner answers by that id', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    await h.send('setup Acme');
    const code = codeFor(await h.send(`invite ${BOB}`), BOB);
    await h.send(`as ${BOB}`);
    await h.send(`accept ${code}`);
    await h.send('request billing-admin');
    expect(await h.send('list requests')).toMatch(
      /^Your open requests in Acme; the owners decide them\.\n {2}\S+ {2}You asked for the role Organization Billing Admin \(made just now, lapses in 7 days\)/,
    );
    await h.send(`as ${OWNER}`);
    const listed = await h.send('list requests');
    expect(listed).toContain('Acme: 1 open, oldest first. Answer with approve <id> or deny <id>.');
    const id = new RegExp(`^ {2}(\\S+) {2}${BOB} asks for the role`, 'm').exec(listed)?.[1];
    expect(await h.send(`deny ${id}`)).toContain(`${OWNER} denied the request of ${BOB}`);
    expect(await h.send('list requests')).toBe('No open requests in Acme.\n');
  });
});
