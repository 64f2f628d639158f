import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { type DialectName, migrateToLatest, openStore, type Store } from '../../src/store/connect.ts';
import { PG_URL } from '../support/stores.ts';
import { type Figure, time } from './measure.ts';

const NOW = Date.UTC(2026, 10, 23);
const ROUNDS = 3;
const MEMBERS_PER_ORG = 100;
const DUE = 10_000;

/** How big the store is: `--scale full` is the issue's 10,000 organizations × 100 members, 1,000,000 invitations. */
export interface SweepScale {
  readonly orgs: number;
  readonly stored: number;
}

export const FULL_SCALE: SweepScale = { orgs: 10_000, stored: 1_000_000 };
export const DEFAULT_SCALE: SweepScale = { orgs: 1_000, stored: 100_000 };

/** 0 … n-1 as a set, so the seed is a few INSERT … SELECT statements on either database. */
function series(dialect: DialectName, n: number) {
  return dialect === 'postgres'
    ? sql`select i from generate_series(0, ${sql.lit(n - 1)}) as s(i)`
    : sql`with recursive s(i) as (select 0 union all select i + 1 from s where i < ${sql.lit(n - 1)}) select i from s`;
}

/**
 * Organizations with 100 members each, and `stored` invitations: the first 10,000 pending and past
 * their time (one per organization in turn), a tenth of the rest pending and not yet due, the others
 * accepted. Written with set-based SQL: seeding a million rows one by one would dwarf the sweep.
 */
async function seed(store: Store, scale: SweepScale): Promise<void> {
  const { dialect, db } = store;
  // `||` concatenates on both databases (PostgreSQL casts the integer to text).
  const cat = (...parts: string[]) => sql.raw(parts.join(' || '));
  await sql`insert into organizations (id, name, member_limit, created_at, version)
    select ${cat("'o'", 'i')}, ${cat("'Org '", 'i')}, 1000000, 0, 0 from (${series(dialect, scale.orgs)}) o`.execute(
    db,
  );
  await sql`insert into bindings (platform, workspace_id, org_id, channel_id)
    select 'slack', ${cat("'T'", 'i')}, ${cat("'o'", 'i')}, 'C0TEAM' from (${series(dialect, scale.orgs)}) o`.execute(
    db,
  );
  await sql`insert into memberships (org_id, email, role, joined_at)
    select ${cat("'o'", `(i % ${scale.orgs})`)}, ${cat("'m'", 'i', "'@bench.test'")}, 'member', i
    from (${series(dialect, scale.orgs * MEMBERS_PER_ORG)}) m`.execute(db);
  await sql`insert into invitations (id, org_id, email, role, state, code_hash, invited_by, created_at, sent_at, expires_at)
    select ${cat("'i'", 'i')}, ${cat("'o'", `(i % ${scale.orgs})`)}, ${cat("'p'", 'i', "'@bench.test'")}, 'member',
      case when i < ${sql.lit(DUE)} or i % 10 = 0 then 'pending' else 'accepted' end, 'x',
      ${cat("'m'", `(i % ${scale.orgs})`, "'@bench.test'")}, 0, 0,
      case when i < ${sql.lit(DUE)} then ${sql.lit(NOW - 1)} else ${sql.lit(NOW + 3_600_000)} end
    from (${series(dialect, scale.stored)}) n`.execute(db);
  if (dialect === 'postgres') await sql`analyze`.execute(db);
}

/** Puts the due invitations back as they were, and drops what the last sweep queued and recorded. */
async function reset(store: Store): Promise<void> {
  await sql`update invitations set state = 'pending', resolved_at = null where state = 'expired'`.execute(store.db);
  await sql`delete from outbox`.execute(store.db);
  await sql`delete from activity`.execute(store.db);
}

async function openBenchStore(dialect: DialectName): Promise<Store> {
  if (dialect === 'postgres')
    return openStore(PG_URL, { pgSchema: `bench_sweep_${process.pid}_${Date.now().toString(36)}` });
  return openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-sweep-')), 'sweep.db')}`);
}

async function sweepRounds(dialect: DialectName, scale: SweepScale): Promise<{ big: number[]; small: number[] }> {
  const big = await openBenchStore(dialect);
  const small = await openBenchStore(dialect);
  const samples = { big: [] as number[], small: [] as number[] };
  try {
    for (const store of [big, small]) await migrateToLatest(store);
    await seed(big, scale);
    await seed(small, { orgs: Math.min(scale.orgs, 1_000), stored: 2 * DUE });
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [store, into] of [
        [big, samples.big],
        [small, samples.small],
      ] as const) {
        let expired = 0;
        into.push(await time(async () => (expired = await expireInvitations(store, NOW))));
        if (expired !== DUE) throw new Error(`the sweep expired ${expired}, not ${DUE}`);
        await reset(store);
      }
    }
  } finally {
    for (const store of [big, small]) {
      if (store.pgSchema !== undefined) await sql`drop schema ${sql.id(store.pgSchema)} cascade`.execute(store.db);
      await store.close();
    }
  }
  return samples;
}

/** The sweep of 10,000 due invitations among `stored`, beside the same 10,000 among 20,000 (rounds interleaved). */
export async function runSweepBench(dialects: readonly DialectName[], scale: SweepScale): Promise<Figure[]> {
  const figures: Figure[] = [];
  const isFull = scale.stored >= FULL_SCALE.stored && scale.orgs >= FULL_SCALE.orgs;
  for (const dialect of dialects) {
    const { big, small } = await sweepRounds(dialect, scale);
    figures.push({
      name: `sweep ${DUE.toLocaleString('en')} due among ${scale.stored.toLocaleString('en')} stored, ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      unit: 'ms',
      rounds: big,
      baseline: { name: `same due among ${(2 * DUE).toLocaleString('en')} stored`, rounds: small },
      target: { atMost: dialect === 'sqlite' ? 1_000 : 2_000, applies: isFull },
      scale: `${scale.orgs.toLocaleString('en')} orgs × ${MEMBERS_PER_ORG} members${isFull ? ', full scale' : '; --scale full for the target'}`,
    });
  }
  return figures;
}
