import { cpus, loadavg } from 'node:os';
import { runBurstBench } from './burst-bench.ts';
import { runCoreWriteBench } from './core-bench.ts';
import { printRows } from './measure.ts';
import { runSlackBench } from './slack-bench.ts';
import { runSweepBench } from './sweep-bench.ts';

/** `npm run bench`: every figure measured side by side in this one run. */
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
console.log(
  `# Rollcall benchmark, ${new Date().toISOString()}, node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load ${load}`,
);
printRows('Core writes on SQLite (median of interleaved rounds)', await runCoreWriteBench());
printRows('Slack over HTTP (median of interleaved requests)', await runSlackBench());
printRows('Expiry sweep on SQLite', await runSweepBench());
printRows('Outbox under a burst of invitations, SQLite (real HTTP path, fake Slack)', await runBurstBench());
