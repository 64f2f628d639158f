import { type Logger, newReferenceId } from './log.ts';
import type { Metrics } from './metrics.ts';

/**
 * The last safety net, for what escaped every boundary. A rejected promise nobody awaited is one
 * failed piece of work: logged with a reference id, and the process goes on serving. An uncaught
 * exception may have left any state half-changed: logged, then the process exits non-zero so its
 * supervisor (systemd, Docker, Kubernetes) starts a clean one. Installed once, by the runtime.
 */
export function installProcessGuards(log: Logger, metrics?: Metrics): void {
  process.on('unhandledRejection', (reason) => {
    const ref = newReferenceId();
    metrics?.processErrors.inc({ kind: 'unhandled_rejection' });
    log.error({ err: reason, ref }, 'unhandled promise rejection; the process goes on');
  });
  process.on('uncaughtException', (error, origin) => {
    log.fatal({ err: error, origin, ref: newReferenceId() }, 'uncaught exception; exiting for a restart');
    log.flush();
    process.exit(70);
  });
}
