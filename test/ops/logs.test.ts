import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createProcessLogger } from '../../src/log.ts';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-secret-bot',
  SLACK_SIGNING_SECRET: 'secret-signing',
  SLACK_APP_TOKEN: 'xapp-secret-app',
  DISCORD_TOKEN: 'secret-discord',
  DISCORD_APPLICATION_ID: '42',
  DATABASE_URL: 'postgres://rollcall:secret-password@127.0.0.1:5432/test',
};

describe('logs', () => {
  it('are one JSON object a line when stderr is not a terminal', async () => {
    const out = capture();
    const log = await createProcessLogger('info', false, out.stream);
    log.info({ applied: ['001-initial'] }, 'migrations applied');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'migrations applied', applied: ['001-initial'] });
  });

  it('are readable lines with the level’s name when stderr is a terminal', async () => {
    const out = capture();
    const log = await createProcessLogger('info', true, out.stream);
    log.warn({ port: 3000 }, 'HTTP server listening');
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: HTTP server listening\n {4}port: 3000\n$/);
  });

  it.each([false, true])('never show a secret the configuration holds (pretty: %s)', async (pretty) => {
    const out = capture();
    const log = await createProcessLogger('info', pretty, out.stream);
    const config = loadConfig(SECRETS);
    log.info({ config }, 'configuration');
    log.info(config.slack, 'slack');
    log.info({ env: SECRETS }, 'environment');
    expect(out.text()).toContain('[redacted]');
    expect(out.text()).not.toContain('secret');
  });
});
