import type { Clock, MembershipCore } from '../../../src/core/index.ts';
import type { Logger } from '../../../src/log.ts';
import type { Metrics } from '../../../src/metrics.ts';
import type { SlackDirectory } from '../directory.ts';

/** What every listener is built from. */
export interface ListenerDeps {
  readonly core: MembershipCore;
  readonly directory: SlackDirectory;
  readonly clock: Clock;
  readonly log: Logger;
  readonly metrics: Metrics;
}

export function countCommand(deps: ListenerDeps, command: string, outcome: string): void {
  deps.metrics.commands.inc({ platform: 'slack', command, outcome });
}
