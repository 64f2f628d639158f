import type { ConfirmableAction, CoreError, ErrorMessages } from '../../src/core/index.ts';

/**
 * An adapter's wording of any core error. The messages are typed per code, so each code has its
 * own function; TypeScript cannot correlate a code with its context here, hence the one cast.
 */
export function describeError<Out>(messages: ErrorMessages<Out>, error: CoreError): Out {
  const word = messages[error.code] as (error: CoreError) => Out;
  return word(error);
}

/**
 * An adapter's wording of every confirmable action (SPEC §3): the question, the outcome, the
 * button. Typed over every kind, so a new confirmable command does not compile until each adapter
 * can say it; this is the one entry an adapter adds for it.
 */
export type ActionWording<Out> = {
  readonly [K in ConfirmableAction['kind']]: (action: Extract<ConfirmableAction, { kind: K }>) => Out;
};

/** The wording of one action; the same one cast as describeError, for the same reason. */
export function describeAction<Out>(wording: ActionWording<Out>, action: ConfirmableAction): Out {
  const word = wording[action.kind] as (action: ConfirmableAction) => Out;
  return word(action);
}
