import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSlackInstallation } from '../../src/store/repositories/installations.repo.ts';
import { availableDialects } from '../support/stores.ts';
import { OAuthWorld } from './slack-oauth-world.ts';

const dialects = await availableDialects();
const ACME = { teamId: 'T0001', teamName: 'Acme', botToken: 'xoxb-acme-token', installerId: 'UOWNER' };
const GLOBEX = { teamId: 'T0002', teamName: 'Globex', botToken: 'xoxb-globex-token', installerId: 'UHANK' };

describe.each(dialects)('Slack distribution over OAuth (%s)', (dialect) => {
  let world: OAuthWorld;
  beforeEach(async () => {
    world = await OAuthWorld.start(dialect);
    world.fake.addUser({ id: 'UOWNER', email: 'owner@acme.com', isAdmin: true });
    world.fake.addUser({ id: 'UHANK', email: 'hank@globex.com', isAdmin: true });
  });
  afterEach(() => world.close());

  it('installs a workspace end to end and answers its commands with its own token', async () => {
    const { page } = await world.openInstallPage();
    expect(page.status).toBe(200);
    expect(page.text).toContain('Add to Slack');

    const done = await world.install('code-acme', ACME);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Rollcall was added to Acme');
    const exchange = world.fake.calls.find((c) => c.method === 'oauth.v2.access');
    expect(exchange?.body).toMatchObject({ code: 'code-acme', client_id: '111.222' });

    const stored = await findSlackInstallation(world.store.db, 'T0001');
    expect(stored?.botUserId).toBe('UBOT');
    // ROLLCALL_SECRET_KEY is set: the token is not in the database in the clear.
    expect(stored?.botToken).toMatch(/^v1:/);
    expect(stored?.botToken).not.toContain('xoxb');

    expect(await world.say('T0001', 'UOWNER', 'setup Acme')).toContain('Created *Acme*');
    const lookups = world.fake.calls.filter((c) => c.method === 'users.info');
    expect(lookups.length).toBeGreaterThan(0);
    for (const call of lookups) expect(call.authorization).toBe('Bearer xoxb-acme-token');
  });

  it('installs a second workspace beside the first, each with its own organization and token', async () => {
    await world.install('code-acme', ACME);
    await world.install('code-globex', GLOBEX);
    expect(await world.say('T0001', 'UOWNER', 'setup Acme')).toContain('Created *Acme*');
    const before = world.fake.calls.length;
    expect(await world.say('T0002', 'UHANK', 'setup Globex')).toContain('Created *Globex*');
    const globexCalls = world.fake.calls.slice(before).filter((c) => c.authorization !== undefined);
    expect(globexCalls.length).toBeGreaterThan(0);
    for (const call of globexCalls) expect(call.authorization).toBe('Bearer xoxb-globex-token');

    expect(await world.say('T0002', 'UHANK', 'invite owner@acme.com')).toContain('owner@acme.com');
    await world.deliver();
    const dm = world.fake.callsTo('chat.postMessage').find((body) => body.channel === 'UOWNER');
    expect(dm).toBeDefined();
    const posts = world.fake.calls.filter((c) => c.method === 'chat.postMessage');
    for (const call of posts) expect(call.authorization).toBe('Bearer xoxb-globex-token');
  });

  it('deletes the installation on app_uninstalled and tokens_revoked; the organization stays', async () => {
    await world.install('code-acme', ACME);
    await world.install('code-globex', GLOBEX);
    await world.say('T0001', 'UOWNER', 'setup Acme');
    const uninstalled = await world.event('T0001', { type: 'app_uninstalled' });
    expect(uninstalled.status).toBe(200);
    await expect.poll(() => findSlackInstallation(world.store.db, 'T0001')).toBeUndefined();
    const bindings = await world.store.db.selectFrom('bindings').selectAll().execute();
    expect(bindings.map((b) => b.workspace_id)).toContain('T0001');

    await world.event('T0002', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } });
    await expect.poll(() => findSlackInstallation(world.store.db, 'T0002')).toBeUndefined();
  });

  it('refuses a forged or missing state with a clear page and stores nothing', async () => {
    const { cookie } = await world.openInstallPage();
    world.fake.oauth.grant('code-forged', ACME);
    const forged = await world.redirect({ code: 'code-forged', state: 'forged-state' }, cookie);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('Rollcall was not installed');
    expect(forged.text).toContain('nothing was saved');
    const noCookie = await world.redirect({ code: 'code-forged', state: 'x' }, '');
    expect(noCookie.status).toBe(400);
    expect(world.fake.calls.some((c) => c.method === 'oauth.v2.access')).toBe(false);
    expect(await world.store.db.selectFrom('slack_installations').selectAll().execute()).toEqual([]);
  });
});
