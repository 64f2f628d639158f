import { setImmediate } from 'node:timers/promises';

/**
 * Node flushes the acknowledgement's bytes from a later tick; work that never waits on I/O (SQLite
 * is synchronous) would hold them back. Yielding once lets Slack have its 200 before the core runs.
 */
export function yieldAfterAck(): Promise<void> {
  return setImmediate();
}
