import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import type { Store } from '../../src/store/connect.ts';
import { consoleCaller, expectOk, join, makeCore, setupOrg } from '../support/core-harness.ts';
import { schemaOf } from '../support/core-pg.ts';
import { availableDialects } from '../support/stores.ts';

const hasPostgres = (await availableDialects()).includes('postgres');
const WORKER = new URL('../support/core-worker.ts', import.meta.url).pathname;

interface Worker {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
}

function startWorker(schema: string, now: number): Worker {
  const child = spawn('npx', ['tsx', WORKER, schema, String(now)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line === 'ready') resolve();
      else lines.push(line);
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, lines, ready, exited };
}

describe.skipIf(!hasPostgres)('two bot processes on one PostgreSQL database', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('handle each expiry and each notification exactly once between them', { timeout: 120_000 }, async () => {
    const { core, store, clock } = await makeCore('postgres');
    opened.push(store);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    const inviters = [owner, await join(core, owner, 'm1@x.test'), await join(core, owner, 'm2@x.test')];
    for (let i = 0; i < 60; i += 1) {
      expectOk(await core.invite(inviters[i % 3] ?? owner, { emails: [`p${i}@x.test`] }));
    }
    clock.advance(49 * HOUR);

    const schema = await schemaOf(store);
    const workers = [startWorker(schema, clock()), startWorker(schema, clock())];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin?.end('go\n');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    const records = workers.flatMap((w) =>
      w.lines.map((line) => JSON.parse(line) as { delivered?: string; expired?: number }),
    );
    const expired = records.reduce((sum, r) => sum + (r.expired ?? 0), 0);
    expect(expired).toBe(60);
    const delivered = records.flatMap((r) => (r.delivered === undefined ? [] : [r.delivered]));
    const outbox = await store.db.selectFrom('outbox').select(['id', 'state']).execute();
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual(outbox.map((r) => r.id).sort());
    expect(outbox.every((r) => r.state === 'delivered')).toBe(true);
    const expiries = await store.db
      .selectFrom('activity')
      .select('subject')
      .where('action', '=', 'invitation_expired')
      .execute();
    expect(expiries).toHaveLength(60);
    // Both processes did part of the work: they really ran against each other.
    expect(workers.every((w) => w.lines.length > 1)).toBe(true);
  });

  it('send each reminder, end each membership and send each ending notice once between them', {
    timeout: 120_000,
  }, async () => {
    const { core, store, clock } = await makeCore('postgres');
    opened.push(store);
    const owner = consoleCaller('owner@x.test');
    await setupOrg(core, owner);
    const joinFor = async (email: string, duration: string) => {
      const code = expectOk(await core.invite(owner, { emails: [email], duration })).invited[0]?.code ?? '';
      expectOk(await core.accept(consoleCaller(email), { code }));
    };
    for (let i = 0; i < 30; i += 1) await joinFor(`end${i}@x.test`, '1d');
    for (let i = 0; i < 20; i += 1) await joinFor(`soon${i}@x.test`, '25h');
    expectOk(await core.invite(owner, { emails: Array.from({ length: 40 }, (_, i) => `p${i}@x.test`) }));
    clock.advance(24 * HOUR);

    const schema = await schemaOf(store);
    const workers = [startWorker(schema, clock()), startWorker(schema, clock())];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin?.end('go\n');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    const totals = workers
      .flatMap((w) => w.lines.map((line) => JSON.parse(line) as Record<string, number>))
      .filter((r) => r.reminded !== undefined);
    const sum = (key: string) => totals.reduce((n, r) => n + (r[key] ?? 0), 0);
    expect({ reminded: sum('reminded'), ended: sum('ended'), noticed: sum('noticed') }).toEqual({
      reminded: 40,
      ended: 30,
      noticed: 20,
    });
    const kinds = (await store.db.selectFrom('outbox').select('event').execute()).map(
      (r) => (JSON.parse(r.event) as { kind: string }).kind,
    );
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    // Reminders and ending notices go to one person each; an end to the channel and the person.
    expect([count('invitation_reminder'), count('membership_ending'), count('membership_ended')]).toEqual([40, 20, 60]);
    const ends = await store.db
      .selectFrom('activity')
      .select('subject')
      .where('action', '=', 'member_removed')
      .where('actor', '=', 'system')
      .execute();
    expect(ends).toHaveLength(30);
  });
});
