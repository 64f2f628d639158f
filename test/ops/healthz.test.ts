import { once } from 'node:events';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadiness } from '../../src/http/health.ts';
import { close, createHttpServer, listen } from '../../src/http/server.ts';
import { createMetrics } from '../../src/metrics.ts';
import { BotProcess, freshSqliteUrl } from './bot-process.ts';
import { HeldSlack } from './held-slack.ts';

async function health(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: await response.text() };
}

describe('/healthz readiness', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await close(server);
    server = undefined;
  });

  async function serve(readiness: ReturnType<typeof createReadiness>): Promise<string> {
    server = createHttpServer({ metrics: createMetrics(), health: readiness.check });
    return `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  }

  it('is 503 naming each configured adapter until it has started, then 200', async () => {
    const readiness = createReadiness(async () => {});
    readiness.expect('slack');
    readiness.expect('discord');
    const url = await serve(readiness);
    expect(await health(url)).toEqual({
      status: 503,
      body: '{"ready":false,"missing":["slack: not started","discord: not started"]}\n',
    });
    readiness.started('slack');
    expect(JSON.parse((await health(url)).body)).toEqual({ ready: false, missing: ['discord: not started'] });
    readiness.started('discord');
    expect(await health(url)).toEqual({ status: 200, body: 'ok\n' });
    readiness.stopped('slack');
    expect((await health(url)).status).toBe(503);
  });

  it('is 503 when the database refuses, saying what it said', async () => {
    const url = await serve(
      createReadiness(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      }),
    );
    expect(await health(url)).toEqual({
      status: 503,
      body: '{"ready":false,"missing":["database: connect ECONNREFUSED 127.0.0.1:5432"]}\n',
    });
  });

  it('is 503 when the database does not answer in time, without waiting for it', async () => {
    const url = await serve(createReadiness(() => new Promise(() => {}), 50));
    const started = Date.now();
    expect(await health(url)).toEqual({
      status: 503,
      body: '{"ready":false,"missing":["database: no answer within 50 ms"]}\n',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('a bot process with Slack configured', { timeout: 60_000 }, () => {
  let slack: HeldSlack | undefined;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.stop();
    await slack?.close();
  });

  it('answers 503 while Slack has not confirmed the token, then 200, on HOST only', async () => {
    slack = await HeldSlack.start();
    bot = BotProcess.spawn(['--import', 'tsx', 'src/main.ts'], {
      DATABASE_URL: freshSqliteUrl(),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: slack.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const port = await bot.port();
    const url = `http://127.0.0.1:${port}`;
    await slack.authTestArrived();
    expect(await health(url)).toEqual({ status: 503, body: '{"ready":false,"missing":["slack: not started"]}\n' });

    slack.release();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) status = (await health(url)).status;
    expect(status).toBe(200);

    // Bound to 127.0.0.1 alone: another loopback address of this machine is refused.
    await expect(fetch(`http://127.0.0.2:${port}/healthz`)).rejects.toThrow();
    expect(bot.stderr).not.toContain('xoxb-test');
    expect(await bot.stop()).toBe(0);
  });

  it('listens on every interface by default', async () => {
    slack = await HeldSlack.start();
    slack.release();
    bot = BotProcess.spawn(['--import', 'tsx', 'src/main.ts'], {
      DATABASE_URL: freshSqliteUrl(),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    const line = await bot.logLine((l) => typeof l.port === 'number');
    expect(line.host).toBe('0.0.0.0');
    await bot.logLine((l) => l.msg === 'Rollcall is running');
    expect((await fetch(`http://127.0.0.2:${Number(line.port)}/healthz`)).status).toBe(200);
  });
});

describe('a console session', { timeout: 60_000 }, () => {
  it('given PORT, serves /healthz beside the console, whose stdout stays answers only', async () => {
    const bot = BotProcess.spawn(['--import', 'tsx', 'src/main.ts', '--as', 'olivia@acme.test'], {
      DATABASE_URL: freshSqliteUrl(),
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const url = `http://127.0.0.1:${await bot.port()}`;
    expect(await health(url)).toEqual({ status: 200, body: 'ok\n' });
    bot.child.stdin.end('setup Acme\n');
    const [code] = (await once(bot.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(bot.stdout).toBe('Created Acme. You (olivia@acme.test) are its first owner.\n');
  });
});
