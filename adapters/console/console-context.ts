import type { Clock } from '../../src/core/clock.ts';
import type { ErrorMessages } from '../../src/core/errors.ts';
import type { MembershipCore } from '../../src/core/membership.ts';

/** What a command needs from the session: the core, the clock, and the terminal to talk to. */
export interface ConsoleContext {
  readonly core: MembershipCore;
  readonly clock: Clock;
  readonly messages: ErrorMessages<string>;
  /** Prints the question and reads the next line as its answer; undefined when the input ended. */
  ask(question: string): Promise<string | undefined>;
}
