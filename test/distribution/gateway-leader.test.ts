import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type GatewayLeader, leadDiscordGateway } from '../../src/discord-gateway-leader.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { openSessionLock } from '../../src/store/session-lock.ts';
import { availableDialects, PG_URL } from '../support/stores.ts';

const dialects = await availableDialects();
const RETRY_MS = 100;

/** What each process did with the gateway, in order, across processes. */
type Event = `${string}:${'connect' | 'refused' | 'disconnect'}`;

/** How many processes were logged in at once, at most, over the timeline. */
function mostConnectedAtOnce(timeline: readonly Event[]): number {
  const connected = new Set<string>();
  let most = 0;
  for (const event of timeline) {
    const [who, what] = event.split(':');
    if (what === 'connect') connected.add(who ?? '');
    else if (what === 'disconnect') connected.delete(who ?? '');
    most = Math.max(most, connected.size);
  }
  return most;
}

async function gaugeOf(metrics: Metrics): Promise<number> {
  return (await metrics.discordGatewayLeader.get()).values[0]?.value ?? -1;
}

describe.runIf(dialects.includes('postgres'))('the Discord gateway leader lock (PostgreSQL)', () => {
  const timeline: Event[] = [];
  const leaders: GatewayLeader[] = [];
  let admin: pg.Client | undefined;
  afterEach(async () => {
    await Promise.all(leaders.splice(0).map((leader) => leader.stop()));
    await admin?.end();
    admin = undefined;
    timeline.length = 0;
  });

  /** A process's leader over a real lock connection; its gateway only records what it was told to do. */
  function startProcess(
    who: string,
    name: string,
    options: { connectFails?: boolean; connectHangs?: boolean; retryMs?: number } = {},
  ) {
    const metrics = createMetrics();
    const leader = leadDiscordGateway({
      gateway: {
        connect: async () => {
          if (options.connectFails) {
            timeline.push(`${who}:refused`);
            throw new Error('gateway refused');
          }
          if (options.connectHangs) {
            timeline.push(`${who}:refused`);
            return new Promise<void>(() => {});
          }
          timeline.push(`${who}:connect`);
        },
        disconnect: async () => {
          if (timeline.filter((e) => e.startsWith(`${who}:`)).at(-1) === `${who}:connect`) {
            timeline.push(`${who}:disconnect`);
          }
        },
      },
      openLock: () => openSessionLock(PG_URL, { name }),
      log: createLogger('silent'),
      metrics,
      retryMs: options.retryMs ?? RETRY_MS,
      connectTimeoutMs: 300,
    });
    leaders.push(leader);
    return { leader, metrics };
  }

  const uniqueName = () => `rollcall:test-gateway:${process.pid}:${Math.random().toString(36).slice(2)}`;

  it('lets exactly one of two processes log in; the other takes over when the holder stops', async () => {
    const name = uniqueName();
    const a = startProcess('a', name);
    await expect.poll(() => timeline).toEqual(['a:connect']);
    const b = startProcess('b', name);
    // b tries several times while a holds the lock, and never logs in.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 5));
    expect(timeline).toEqual(['a:connect']);
    expect([await gaugeOf(a.metrics), await gaugeOf(b.metrics)]).toEqual([1, 0]);
    expect([a.leader.holding, b.leader.holding]).toEqual([true, false]);

    await a.leader.stop();
    await expect.poll(() => timeline).toEqual(['a:connect', 'a:disconnect', 'b:connect']);
    expect(await gaugeOf(b.metrics)).toBe(1);
  });

  it('leaves the gateway at once when the lock connection is killed, before another process logs in', async () => {
    const name = uniqueName();
    // The holder pings rarely: only the connection's own error event can make it leave in time.
    startProcess('a', name, { retryMs: 60_000 });
    await expect.poll(() => timeline).toEqual(['a:connect']);
    startProcess('b', name, { retryMs: 300 });
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    // The backend holding this lock: an advisory lock on a bigint key shows as (classid, objid).
    const { rows } = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_locks
       where locktype = 'advisory' and granted
         and ((classid::bigint << 32) | objid::bigint) = hashtextextended($1 || ':' || 'public', 0)`,
      [name],
    );
    expect(rows[0]?.n).toBe(1);
    await expect.poll(() => timeline, { timeout: 5_000 }).toEqual(['a:connect', 'a:disconnect', 'b:connect']);
    expect(mostConnectedAtOnce(timeline)).toBe(1);
  });

  it('lets go of the lock when its gateway login fails, so another process can take it', async () => {
    const name = uniqueName();
    // a wins the lock, fails to log in, and waits a second before trying again: b's turn.
    const failing = startProcess('a', name, { connectFails: true, retryMs: 1_000 });
    await expect.poll(() => timeline).toEqual(['a:refused']);
    startProcess('b', name);
    await expect.poll(() => timeline, { timeout: 5_000 }).toEqual(['a:refused', 'b:connect']);
    expect(failing.leader.holding).toBe(false);
    expect(await gaugeOf(failing.metrics)).toBe(0);
  });

  it('lets go of the lock when its gateway login is not ready in time', async () => {
    const name = uniqueName();
    const hanging = startProcess('a', name, { connectHangs: true, retryMs: 1_000 });
    await expect.poll(() => timeline).toEqual(['a:refused']);
    startProcess('b', name);
    await expect.poll(() => timeline, { timeout: 5_000 }).toEqual(['a:refused', 'b:connect']);
    expect(hanging.leader.holding).toBe(false);
  });
});
