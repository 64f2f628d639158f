/**
 * Timing helpers and the report of `npm run bench`: each figure is the median of its rounds, beside
 * a baseline measured in the same rounds (interleaved), so both sides share the machine's noise; the
 * ratio is the median of the rounds' own ratios.
 */

/** One figure of the report. */
export interface Figure {
  readonly name: string;
  readonly unit: 'ms' | 's' | 'MiB' | 'ops/s';
  /** Rollcall's value in each round. */
  readonly rounds: readonly number[];
  /** What it is compared with, and its value in the same rounds (absent when there is none). */
  readonly baseline?: { readonly name: string; readonly rounds: readonly number[] };
  /** ops/s: the ratio is baseline ÷ ours (how many times slower); otherwise ours ÷ baseline. */
  readonly target: Target;
  /** Where the figure comes from when it is not the issue's scale (e.g. the sweep's default run). */
  readonly scale?: string;
}

/** A target is met when the median stays at or under `atMost` and the ratio at or under `ratioAtMost`. */
export interface Target {
  readonly atMost?: number;
  readonly ratioAtMost?: number;
  /** false: the figure is not at the scale the target is for, so the verdict is "not at target scale". */
  readonly applies?: boolean;
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

/**
 * The median of the rounds' own ratios: each round's figure over the baseline measured beside it,
 * so a round the machine slowed for both sides counts as one like ratio, not as an outlier on one
 * side of a ratio of medians (with a busy neighbour, rounds differed 2× from each other).
 */
function ratioOf(figure: Figure): number | undefined {
  const baseline = figure.baseline?.rounds;
  if (!baseline || baseline.length !== figure.rounds.length) return undefined;
  const ratios = figure.rounds.map((ours, i) => {
    const base = baseline[i] ?? Number.NaN;
    return figure.unit === 'ops/s' ? base / ours : ours / base;
  });
  return median(ratios);
}

function verdict(figure: Figure): string {
  const { atMost, ratioAtMost, applies } = figure.target;
  if (applies === false) return 'not at target scale';
  if (atMost === undefined && ratioAtMost === undefined) return '—';
  const ratio = ratioOf(figure);
  const value = median(figure.rounds);
  const valueOk = atMost === undefined || value <= atMost;
  const ratioOk = ratioAtMost === undefined || (ratio !== undefined && ratio <= ratioAtMost);
  return valueOk && ratioOk ? 'met' : '**not met**';
}

function targetText(figure: Figure): string {
  const { atMost, ratioAtMost } = figure.target;
  const parts: string[] = [];
  if (atMost !== undefined) parts.push(`≤ ${format(atMost, figure.unit)}`);
  if (ratioAtMost !== undefined) parts.push(`≤ ${ratioAtMost}× baseline`);
  return parts.join(' and ') || '—';
}

export function format(value: number, unit: Figure['unit']): string {
  const digits = unit === 'ms' ? (value < 10 ? 2 : value < 100 ? 1 : 0) : unit === 's' ? 2 : unit === 'MiB' ? 1 : 0;
  return `${value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** The whole report as one markdown table, then each figure's rounds, ready to paste into the README. */
export function printFigures(figures: readonly Figure[]): void {
  console.log('\n| figure | median | baseline (same rounds) | ratio (median of rounds) | target | result |');
  console.log('|---|---|---|---|---|---|');
  for (const figure of figures) {
    const ratio = ratioOf(figure);
    const baseline = figure.baseline
      ? `${figure.baseline.name}: ${format(median(figure.baseline.rounds), figure.unit)}`
      : '—';
    const name = figure.scale ? `${figure.name} (${figure.scale})` : figure.name;
    console.log(
      `| ${name} | ${format(median(figure.rounds), figure.unit)} | ${baseline} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} | ${targetText(figure)} | ${verdict(figure)} |`,
    );
  }
  console.log('\nRounds (ours / baseline):\n');
  for (const figure of figures) {
    const ours = figure.rounds.map((v) => format(v, figure.unit)).join(', ');
    const base = figure.baseline ? ` / ${figure.baseline.rounds.map((v) => format(v, figure.unit)).join(', ')}` : '';
    const ratios = figure.baseline
      ? `; ratios ${figure.rounds
          .map((v, i) => {
            const b = figure.baseline?.rounds[i] ?? Number.NaN;
            return `${(figure.unit === 'ops/s' ? b / v : v / b).toFixed(2)}×`;
          })
          .join(', ')}`
      : '';
    console.log(`- ${figure.name}: ${ours}${base}${ratios}`);
  }
}
