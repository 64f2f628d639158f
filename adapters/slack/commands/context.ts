import type { Caller } from '../../../src/core/caller.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { MembershipCore } from '../../../src/core/membership.ts';
import type { SlackDirectory } from '../directory.ts';

/** Everything a command handler needs: the core, Slack's directory, the clock, and who is asking. */
export interface CommandContext {
  readonly core: MembershipCore;
  readonly directory: SlackDirectory;
  readonly clock: Clock;
  readonly teamId: string;
  readonly caller: Caller;
}
