/** Timing helpers for the benchmark: medians of interleaved rounds, so both sides share the machine's noise. */
export interface Row {
  readonly name: string;
  readonly value: string;
  readonly note: string;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Milliseconds that `work` takes. */
export async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| measure | value | note |');
  console.log('|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${row.value} | ${row.note} |`);
}
