import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import type { Figure } from './measure.ts';

const ROUNDS = 5;
/** How long the process sits idle after readiness before its memory is read. */
const IDLE_MS = 1_500;
const READY_TIMEOUT_MS = 30_000;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How each contender is started: the same environment, only the command differs. */
const CONTENDERS = {
  /** What `npm start` runs, without npm's own process in front (as a process manager would run it). */
  node: { command: process.execPath, args: [join(ROOT, 'scripts', 'start.js')] },
  /** `npm start` itself: npm's process, its shell and the bot, as the issue measures it. */
  npm: { command: 'npm', args: ['start', '--silent'] },
  bare: { command: process.execPath, args: [join(ROOT, 'test', 'bench', 'bare-bolt-app.js')] },
} as const;
type Contender = keyof typeof CONTENDERS;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resident memory of a process and every descendant, from /proc (Linux). */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      kib += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children === '' ? [] : children.split(/\s+/)) visit(Number(child));
      }
    } catch {
      // The process ended between listing and reading: it holds no memory any more.
    }
  };
  visit(pid);
  return kib / 1024;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    // Its own process group (detached): npm's shell and the bot under it end too.
    process.kill(-child.pid, 'SIGTERM');
  });
}

/** One start: spawn to /healthz 200 in milliseconds, and the tree's RSS after sitting idle. */
async function startOnce(who: Contender, env: NodeJS.ProcessEnv): Promise<{ readyMs: number; rssMiB: number }> {
  const port = await freePort();
  const { command, args } = CONTENDERS[who];
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  try {
    const url = `http://127.0.0.1:${port}/healthz`;
    while (!(await healthy(url))) {
      if (child.exitCode !== null) throw new Error(`${who} exited with ${child.exitCode}: ${stderr.slice(-500)}`);
      if (performance.now() - start > READY_TIMEOUT_MS) throw new Error(`${who} not ready: ${stderr.slice(-500)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const readyMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { readyMs, rssMiB: treeRssMiB(child.pid ?? 0) };
  } finally {
    await stop(child);
  }
}

/** Start-up to /healthz 200 and idle RSS: the built bot beside a bare Bolt app, against one fake Slack. */
export async function runStartupBench(): Promise<Figure[]> {
  // The figure is the built output's; a stale dist/ would otherwise be rebuilt during round one.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { stdio: 'ignore' });
  const fake = await FakeSlack.start();
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-startup-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'rollcall.db')}`,
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
  const rounds: Record<Contender, Array<{ readyMs: number; rssMiB: number }>> = { node: [], npm: [], bare: [] };
  // A first start of each migrates the database and warms the file cache; it is not counted.
  for (const who of Object.keys(CONTENDERS) as Contender[]) await startOnce(who, env);
  for (let round = 0; round < ROUNDS; round += 1)
    for (const who of Object.keys(CONTENDERS) as Contender[]) rounds[who].push(await startOnce(who, env));
  await fake.close();

  const ready = (who: Contender) => rounds[who].map((r) => r.readyMs);
  const rss = (who: Contender) => rounds[who].map((r) => r.rssMiB);
  const bareReady = { name: 'bare Bolt, `node app.js`', rounds: ready('bare') };
  const bareRss = { name: 'bare Bolt', rounds: rss('bare') };
  return [
    {
      name: 'start-up to /healthz 200, `npm start` (built, SQLite, Slack over HTTP)',
      unit: 'ms',
      rounds: ready('npm'),
      baseline: bareReady,
      target: { atMost: 700, ratioAtMost: 3 },
    },
    {
      name: 'start-up to /healthz 200, `node scripts/start.js` (what npm start runs)',
      unit: 'ms',
      rounds: ready('node'),
      baseline: bareReady,
      target: { atMost: 700, ratioAtMost: 3 },
    },
    {
      name: 'idle RSS, `npm start` process tree (npm + bot)',
      unit: 'MiB',
      rounds: rss('npm'),
      baseline: bareRss,
      target: { atMost: 150 },
    },
    {
      name: 'idle RSS, `node scripts/start.js`',
      unit: 'MiB',
      rounds: rss('node'),
      baseline: bareRss,
      target: { atMost: 150 },
    },
  ];
}
