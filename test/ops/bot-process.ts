import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real bot process (`node … src/main.ts` or the build) whose JSON log lines the test can wait for. */
export class BotProcess {
  stdout = '';
  stderr = '';
  readonly #waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      this.#notify();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.#notify();
    });
    child.once('exit', () => this.#notify());
  }

  static spawn(args: readonly string[], env: Record<string, string>): BotProcess {
    const child = spawn('node', args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new BotProcess(child);
  }

  /** Waits (at most `ms`) for a JSON log line on stderr satisfying `match`, and returns it. */
  async logLine(match: (line: Record<string, unknown>) => boolean, ms = 20_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find(match);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no such log line; stderr: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 250).unref(); // re-checks the deadline even when nothing is printed
      });
    }
  }

  /** The port from the "HTTP server listening" line (the process was given PORT=0). */
  async port(): Promise<number> {
    const line = await this.logLine((l) => typeof l.port === 'number');
    return Number(line.port);
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  }

  #notify(): void {
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}

export function freshSqliteUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-ops-')), 'rollcall.db')}`;
}
