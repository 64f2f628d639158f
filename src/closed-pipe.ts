import type { Writable } from 'node:stream';

/**
 * `rollcall activity export … | head -1`: once the reader has closed the pipe, the next write fails
 * with EPIPE, and an unhandled stream error would end the process with a stack trace. The reader
 * has what it wanted, so the process ends quietly and successfully; other errors still surface.
 */
export function exitQuietlyOnClosedPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
