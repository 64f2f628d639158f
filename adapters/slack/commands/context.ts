import type { Caller, Clock, MembershipCore } from '../../../src/core/index.ts';
import type { SlackDirectory } from '../directory.ts';

/** Everything a command handler needs: the core, Slack's directory, the clock, and who is asking. */
export interface CommandContext {
  readonly core: MembershipCore;
  readonly directory: SlackDirectory;
  readonly clock: Clock;
  readonly teamId: string;
  readonly caller: Caller;
}
