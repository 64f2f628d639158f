import { cpus, loadavg, totalmem } from 'node:os';
import { availableDialects } from '../support/stores.ts';
import { runBurstBench } from './burst-bench.ts';
import { runCoreWriteBench } from './core-bench.ts';
import { printRows } from './measure.ts';
import { runSlackBench } from './slack-bench.ts';
import { DEFAULT_SCALE, FULL_SCALE, runSweepBench } from './sweep-bench.ts';

/**
 * `npm run bench`: every figure measured side by side in this one run. `--scale full` runs the sweep
 * at the 10,000 organizations × 100 members and 1,000,000 invitations (seeding takes minutes);
 * the default is a tenth of that. PostgreSQL figures are taken when TEST_DATABASE_URL answers.
 */
const full = process.argv.includes('--scale') && process.argv[process.argv.indexOf('--scale') + 1] === 'full';
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
console.log(
  `# Rollcall benchmark, ${new Date().toISOString()}, node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${load}`,
);
printRows('Core writes on SQLite (median of interleaved rounds)', await runCoreWriteBench());
printRows('Slack over HTTP (median of interleaved requests)', await runSlackBench());
printRows(
  `Expiry sweep (${full ? 'full scale' : 'default scale; --scale full for the target'})`,
  await runSweepBench(await availableDialects(), full ? FULL_SCALE : DEFAULT_SCALE),
);
printRows('Outbox under a burst of invitations, SQLite (real HTTP path, fake Slack)', await runBurstBench());
