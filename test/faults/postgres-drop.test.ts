import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../src/jobs/schedule.ts';
import { availableDialects, PG_URL } from '../support/stores.ts';
import { FaultyWorld } from './slack-bot.ts';

const dialects = await availableDialects();
const IN_FLIGHT = 24;

/** Terminates this test's own backends (found by their application_name), never another session. */
async function terminateOwnBackends(admin: pg.Client, appName: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
    [appName],
  );
  return rows[0]?.n ?? 0;
}

describe.runIf(dialects.includes('postgres'))('PostgreSQL drops the connections', () => {
  let world: FaultyWorld | undefined;
  let admin: pg.Client | undefined;
  afterEach(async () => {
    await world?.close();
    await admin?.end();
  });

  it('answers every command in flight, serves the next one on a fresh connection, and keeps sweeping and delivering', async () => {
    const appName = `rollcall_fault_${process.pid}_${Date.now().toString(36)}`;
    world = await FaultyWorld.start('postgres', { appName, inviteTtlMs: 60_000 });
    await world.setUp();
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();

    let settled = 0;
    const inFlight = Array.from({ length: IN_FLIGHT }, (_, i) =>
      world?.slash(`invite p${i}@x.com`).finally(() => {
        settled += 1;
      }),
    );
    // Terminate while the commands run, as a failover would, until they have all been answered.
    let terminated = 0;
    while (settled < IN_FLIGHT) {
      terminated += await terminateOwnBackends(admin, appName);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const results = await Promise.all(inFlight);

    expect(terminated).toBeGreaterThan(0);
    const unanswered = results.filter((r) => r?.reply === undefined).length;
    const referenceReplies = results.filter((r) => r?.reply?.includes('Reference:')).length;
    expect(unanswered).toBe(0);
    expect(world.memory.messages()).toContain('database connection lost');
    console.info(
      `postgres drop: terminated ${terminated}, in flight ${IN_FLIGHT}, unanswered ${unanswered}, reference-id replies ${referenceReplies}`,
    );

    // The same process answers the next command, on a connection the pool opened afresh.
    const next = await world.slash('invite after@x.com');
    expect(next.reply).toContain('Invited 1');

    // Every invitation that committed gets its channel notice exactly once: lost 0, duplicated 0.
    const committed = await world.store.db.selectFrom('invitations').select('email').execute();
    const posted = () => world?.channelPosts().map((p) => String(p.text)) ?? [];
    await expect
      .poll(() => committed.filter((c) => posted().some((t) => t.includes(`*${c.email}*`))).length, { timeout: 10_000 })
      .toBe(committed.length);
    // Duplicated 0, except where a post went out and the write marking it delivered died with its
    // connection: that notice is in flight as at a kill -9, and at-least-once delivery sends it again.
    const copies = committed.map(({ email }) => posted().filter((t) => t.includes(`*${email}*`)).length);
    const duplicated = copies.filter((n) => n > 1).length;
    const markFailures = world.memory.messages().filter((m) => m === 'could not mark notifications delivered').length;
    console.info(`postgres drop: lost 0, duplicated ${duplicated}, delivered marks lost ${markFailures}`);
    expect(Math.max(...copies)).toBeLessThanOrEqual(2);
    if (markFailures === 0) expect(duplicated).toBe(0);

    // The sweep still runs: a minute later every pending invitation expires.
    const lost = () => world?.memory.messages().filter((m) => m === 'database connection lost').length ?? 0;
    const before = lost();
    terminated += await terminateOwnBackends(admin, appName);
    await expect.poll(lost).toBeGreaterThan(before);
    world.clock.jump(2 * 60_000);
    // A tick that meets a connection the pool has not yet seen die fails (logged); the next one expires.
    let expired = 0;
    for (let tick = 0; tick < 3 && expired === 0; tick += 1) expired = await sweep(world.sweepDeps());
    expect(expired).toBe(committed.length);
  }, 30_000);
});
