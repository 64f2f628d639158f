// `npm start`: the built bot, built first when dist/ is missing or older than the sources, in this
// same process (no child to forward signals to).
import { ensureBuilt } from './build.js';

try {
  await ensureBuilt();
} catch (error) {
  process.stderr.write(`Rollcall could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
await import('../dist/main.js');
