#!/usr/bin/env node
// The package bin (`npx rollcall …`): runs the built CLI, building dist/ first when it is missing or
// older than the sources. Build notes go to stderr; stdout carries only the command's own output.
import { ensureBuilt } from '../scripts/build.js';

try {
  await ensureBuilt();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
await import('../dist/rollcall.js');
