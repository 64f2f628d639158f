import type { Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export const EXIT_OK = 0;
/** The command ran but could not do what was asked (unknown organization, taken binding…). */
export const EXIT_FAILED = 1;
/** Bad arguments or configuration: nothing was touched. */
export const EXIT_USAGE = 2;

/** Wrong arguments: the message is the one line shown (the usage, or what is wrong); exits 2, nothing changed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An expected refusal of an admin operation, worded for the operator; exits 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

export function println(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
