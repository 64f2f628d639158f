import { runCoreWriteBench } from './core-bench.ts';
import { printRows } from './measure.ts';

/** `npm run bench`: every figure measured side by side in this one run. */
const started = new Date();
console.log(
  `# Rollcall benchmark, ${started.toISOString()}, node ${process.version}, ${process.platform}/${process.arch}`,
);
printRows('Core writes on SQLite (median of interleaved rounds)', await runCoreWriteBench());
printRows('Expiry sweep on SQLite', await (await import('./sweep-bench.ts')).runSweepBench());
