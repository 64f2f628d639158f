import { cpus, loadavg, totalmem } from 'node:os';
import { availableDialects } from '../support/stores.ts';
import { runBurstBench } from './burst-bench.ts';
import { runCoreWriteBench } from './core-bench.ts';
import { type Figure, printFigures } from './measure.ts';
import { runReplyBench } from './reply-bench.ts';
import { runStartupBench } from './startup-bench.ts';
import { DEFAULT_SCALE, FULL_SCALE, runSweepBench } from './sweep-bench.ts';

/**
 * `npm run bench`: every figure measured in this one run, each the median of its rounds beside a
 * baseline measured in the same rounds. `--scale full` runs the sweep at the 10,000
 * organizations × 100 members and 1,000,000 invitations (seeding takes minutes); the default is a
 * tenth of that. PostgreSQL figures are taken when TEST_DATABASE_URL answers. `--only <part>`
 * (startup, reply, core, sweep, burst) runs one part, e.g. while working on it; the burst runs only so.
 */
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const full = option('--scale') === 'full';
const only = option('--only');
const PARTS: Record<string, () => Promise<Figure[]>> = {
  startup: runStartupBench,
  reply: runReplyBench,
  core: runCoreWriteBench,
  sweep: async () => runSweepBench(await availableDialects(), full ? FULL_SCALE : DEFAULT_SCALE),
  burst: runBurstBench,
};
const OPT_IN = new Set(['burst']);
if (only !== undefined && !(only in PARTS)) {
  console.error(`--only takes one of ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(
  `Rollcall benchmark, ${new Date().toISOString()}, node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${load()}${full ? ', --scale full' : ''}`,
);
const figures: Figure[] = [];
for (const [name, run] of Object.entries(PARTS)) {
  if (only !== undefined && name !== only) continue;
  // The burst is paced by Slack's one post a second per channel, not by us: minutes of waiting, so asked for by name.
  if (only === undefined && OPT_IN.has(name)) continue;
  const started = performance.now();
  figures.push(...(await run()));
  console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(0)} s, load ${load()}`);
}
printFigures(figures);
console.log(`\nLoad average at the end: ${load()}`);
