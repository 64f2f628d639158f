import { exitQuietlyOnClosedPipe } from '../closed-pipe.ts';
import { answerFlags } from './help.ts';
import { runCli } from './run-cli.ts';

// `rollcall … | head -1` ends quietly once head has read enough.
exitQuietlyOnClosedPipe(process.stdout);

const argv = process.argv.slice(2);
const answer = answerFlags(argv);
if (answer !== undefined) {
  process.stdout.write(`${answer}\n`);
} else {
  process.exitCode = await runCli(argv, process.env, { stdout: process.stdout, stderr: process.stderr });
}
