import pg from 'pg';

/** Test schemas are named `t_<run>_<pid>`, where <run> is `r<start time, base 36>_<random hex>`. */
const TEST_SCHEMA = /^t_r([0-9a-z]+)_[0-9a-f]{4}_\d+$/;
/** Schemas of earlier test code: `t_<pid>_<time base 36>_<counter>`. */
const OLD_SCHEMA = /^t_\d+_([0-9a-z]{8,9})_\d+$/;

export function newRunId(now: number): string {
  const random = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `r${now.toString(36)}_${random}`;
}

function startedAt(schema: string): number | undefined {
  const time = TEST_SCHEMA.exec(schema)?.[1] ?? OLD_SCHEMA.exec(schema)?.[1];
  return time === undefined ? undefined : Number.parseInt(time, 36);
}

/** Drops this run's schemas, and any test schema left over from a run that started over an hour ago. */
export async function dropTestSchemas(url: string, run: string, now: number): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 't\\_%'",
    );
    const stale = rows
      .map((row) => row.name)
      .filter((name) => name.startsWith(`t_${run}_`) || (startedAt(name) ?? now) < now - 3_600_000);
    for (const name of stale) await client.query(`drop schema if exists "${name}" cascade`);
    return stale.length;
  } finally {
    await client.end();
  }
}
