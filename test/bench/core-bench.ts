import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Caller, MembershipCore } from '../../src/core/index.ts';
import { migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { buildCore } from '../support/core-build.ts';
import type { Figure } from './measure.ts';
import { time } from './measure.ts';
import { createRawFloor } from './raw-floor.ts';

const ROUNDS = 5;
const PER_ROUND = 300;
let clockNow = Date.UTC(2026, 10, 23);
const clock = () => clockNow;

const consoleCaller = (email: string): Caller => ({
  platform: 'console',
  workspaceId: 'local',
  userId: email,
  verifiedEmail: email,
});

async function freshCore(): Promise<{ core: MembershipCore; store: Store; path: string; owner: Caller }> {
  const path = join(mkdtempSync(join(tmpdir(), 'rollcall-bench-')), 'bench.db');
  const store = await openStore(`sqlite:${path}`);
  await migrateToLatest(store);
  const core = buildCore(store, clock, { orgMaxMembers: 1_000_000 });
  const owner = consoleCaller('owner@bench.test');
  const setup = await core.setup(owner, { orgName: 'Bench', isPlatformAdmin: true });
  if (!setup.ok) throw new Error(setup.error.code);
  return { core, store, path, owner };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`benchmark step refused: ${result.error.code}`);
  return result.value;
}

/** One round through the core: invite N people one command each, each accepts, the owner removes each. */
async function coreRound(core: MembershipCore, owner: Caller, round: number) {
  const emails = Array.from({ length: PER_ROUND }, (_, i) => `r${round}-${i}@bench.test`);
  const codes: string[] = [];
  const invite = await time(async () => {
    for (const email of emails) codes.push(must(await core.invite(owner, { emails: [email] })).invited[0]?.code ?? '');
  });
  const accept = await time(async () => {
    for (const [i, email] of emails.entries()) must(await core.accept(consoleCaller(email), { code: codes[i] ?? '' }));
  });
  const remove = await time(async () => {
    for (const email of emails) {
      const pending = must(await core.requestRemove(owner, { email }));
      must(await core.confirm(owner, { actionId: pending.actionId }));
    }
  });
  clockNow += 11 * 60_000;
  return { invite, accept, remove };
}

const opsPerSecond = (ms: number) => (PER_ROUND / ms) * 1000;

/** Core writes per second against a raw better-sqlite3 floor issuing the same statements, rounds interleaved. */
export async function runCoreWriteBench(): Promise<Figure[]> {
  const { core, store, owner, path } = await freshCore();
  const floorPath = path.replace('bench.db', 'floor.db');
  const floorStore = await openStore(`sqlite:${floorPath}`);
  await migrateToLatest(floorStore);
  await floorStore.close();
  const floorDb = new SQLite(floorPath);
  const floor = createRawFloor(floorDb, PER_ROUND);
  const samples = {
    core: { invite: [] as number[], accept: [] as number[], remove: [] as number[] },
    floor: { invite: [] as number[], accept: [] as number[], remove: [] as number[] },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    const c = await coreRound(core, owner, round);
    const f = floor.round(round);
    for (const op of ['invite', 'accept', 'remove'] as const) {
      samples.core[op].push(opsPerSecond(c[op]));
      samples.floor[op].push(opsPerSecond(f[op]));
    }
  }
  await store.close();
  floorDb.close();
  const label = { invite: 'invite, one per command', accept: 'accept by code', remove: 'remove (request + confirm)' };
  return (['invite', 'accept', 'remove'] as const).map((op) => ({
    name: `core ${label[op]}, SQLite`,
    unit: 'ops/s',
    rounds: samples.core[op],
    baseline: { name: 'raw better-sqlite3, same statements', rounds: samples.floor[op] },
    target: { ratioAtMost: 2 },
  }));
}
