import type { Clock, ErrorMessages, MembershipCore } from '../../src/core/index.ts';

/** What a command needs from the session: the core, the clock, and the terminal to talk to. */
export interface ConsoleContext {
  readonly core: MembershipCore;
  readonly clock: Clock;
  readonly messages: ErrorMessages<string>;
  /** Prints the question and reads the next line as its answer; undefined when the input ended. */
  ask(question: string): Promise<string | undefined>;
}
