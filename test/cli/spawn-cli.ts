import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.ts';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh SQLite file for one test; nothing else in the environment (no chat credentials). */
export function freshDatabaseUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'rollcall-cli-')), 'rollcall.db')}`;
}

/** Runs a real process to its end, feeding `stdin` when given, and collects what it printed. */
export function runProcess(command: readonly string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const [file = 'node', ...args] = command;
  const child = spawn(file, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `rollcall …` through the package bin, as an operator would run it: a real process. */
export function rollcallBin(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return runProcess(['node', 'src/cli/bin.js', ...args], env);
}

function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * `rollcall …` in this process, through the same entry (`runCli(argv, env, io)`) the bin calls:
 * what it prints and its exit code, without a process start-up per command.
 */
export async function rollcall(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, env, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The id printed by `rollcall org create`. */
export function createdId(run: Run): string {
  const id = UUID.exec(run.stdout)?.[0];
  if (id === undefined) throw new Error(`no organization id in: ${run.stdout}${run.stderr}`);
  return id;
}
