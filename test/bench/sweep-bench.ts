import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { migrateToLatest, openStore } from '../../src/store/connect.ts';
import { type Row, time } from './measure.ts';

const NOW = Date.UTC(2026, 10, 23);
const ORGS = 100;

/**
 * A database holding `stored` invitations: `due` pending ones past their time, a tenth of the rest
 * pending and not yet due, the others already answered. Written directly, in one transaction.
 */
async function seed(stored: number, due: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'rollcall-sweep-')), 'sweep.db');
  const store = await openStore(`sqlite:${path}`);
  await migrateToLatest(store);
  await store.close();
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  const org = db.prepare(
    'insert into organizations (id, name, member_limit, created_at, version) values (?, ?, 1000000, 0, 0)',
  );
  const binding = db.prepare(
    "insert into bindings (platform, workspace_id, org_id, channel_id) values ('console', ?, ?, 'terminal')",
  );
  const invitation = db.prepare(
    "insert into invitations (id, org_id, email, role, state, code_hash, invited_by, created_at, sent_at, expires_at) values (?, ?, ?, 'member', ?, 'x', 'owner@bench.test', 0, 0, ?)",
  );
  db.transaction(() => {
    const orgIds = Array.from({ length: ORGS }, (_, i) => {
      const id = randomUUID();
      org.run(id, `Org ${i}`);
      binding.run(`w${i}`, id);
      return id;
    });
    for (let i = 0; i < stored; i += 1) {
      const isDue = i < due;
      const state = isDue || i % 10 === 0 ? 'pending' : 'accepted';
      invitation.run(`i${i}`, orgIds[i % ORGS], `p${i}@bench.test`, state, isDue ? NOW - 1 : NOW + 3_600_000);
    }
  })();
  db.close();
  return path;
}

async function sweepOnce(path: string): Promise<{ ms: number; expired: number }> {
  const store = await openStore(`sqlite:${path}`);
  let expired = 0;
  const ms = await time(async () => {
    expired = await expireInvitations(store, NOW);
  });
  await store.close();
  return { ms, expired };
}

/** The sweep over 1,000,000 stored invitations against a small store: its cost should follow the due rows only. */
export async function runSweepBench(): Promise<Row[]> {
  const bigDue = await seed(1_000_000, 10_000);
  const bigNone = await seed(1_000_000, 0);
  const smallDue = await seed(20_000, 10_000);
  const smallNone = await seed(20_000, 0);
  const noneBig = await sweepOnce(bigNone);
  const noneSmall = await sweepOnce(smallNone);
  const dueBig = await sweepOnce(bigDue);
  const dueSmall = await sweepOnce(smallDue);
  return [
    {
      name: 'sweep, 1,000,000 stored, none due',
      value: `${noneBig.ms.toFixed(2)} ms`,
      note: `20,000 stored, none due: ${noneSmall.ms.toFixed(2)} ms`,
    },
    {
      name: 'sweep, 1,000,000 stored, 10,000 due',
      value: `${dueBig.ms.toFixed(0)} ms (${dueBig.expired} expired, ${((dueBig.ms * 1000) / Math.max(1, dueBig.expired)).toFixed(0)} µs each)`,
      note: `20,000 stored, 10,000 due: ${dueSmall.ms.toFixed(0)} ms; ratio 1M/20k ${(dueBig.ms / dueSmall.ms).toFixed(2)}× (≈1 means cost follows due rows)`,
    },
  ];
}
