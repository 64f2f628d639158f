import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createMetrics } from '../../src/metrics.ts';
import { SlackHarness } from './harness.ts';

describe('the HTTP server without Slack', () => {
  let server: Server;
  let url: string;

  beforeEach(async () => {
    server = createHttpServer({ metrics: createMetrics() });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterEach(() => close(server));

  it('answers health checks and serves metrics', async () => {
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('# TYPE rollcall_commands_total counter');
  });

  it('has no Slack endpoint when Slack is not configured', async () => {
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body: '' })).status).toBe(404);
  });
});

describe('the HTTP server with Slack', () => {
  let slack: SlackHarness;

  beforeEach(async () => {
    slack = await SlackHarness.start();
    slack.fake.addUser({ id: 'UOWNER', email: 'owner@x.com', isAdmin: true });
  });
  afterEach(() => slack.close());

  it('counts commands by name and outcome', async () => {
    await slack.say('UOWNER', 'list');
    await slack.say('UOWNER', 'setup Acme');
    const text = await (await fetch(`${slack.url}/metrics`)).text();
    expect(text).toContain('rollcall_commands_total{platform="slack",command="list",outcome="org_not_set_up"} 1');
    expect(text).toContain('rollcall_commands_total{platform="slack",command="setup",outcome="ok"} 1');
  });

  it('answers an unexpected failure with a reference id, never a stack trace', async () => {
    slack.fake.addUser({ id: 'UBROKEN', email: 'broken@x.com' });
    slack.fake.script('users.info', { status: 500 }, { status: 500 });
    const reply = await slack.say('UBROKEN', 'list');
    expect(reply).toMatch(/^Something went wrong on our side\. Reference: `[0-9a-f]{8}`\.$/);
  });

  it('only lets a workspace admin or owner set up', async () => {
    slack.fake.addUser({ id: 'UPLAIN', email: 'plain@x.com' });
    expect(await slack.say('UPLAIN', 'setup Acme')).toBe('Only a Slack workspace admin or owner can run setup.');
  });
});
