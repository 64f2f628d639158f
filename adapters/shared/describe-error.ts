import type { CoreError, ErrorMessages } from '../../src/core/index.ts';

/**
 * An adapter's wording of any core error. The messages are typed per code, so each code has its
 * own function; TypeScript cannot correlate a code with its context here, hence the one cast.
 */
export function describeError<Out>(messages: ErrorMessages<Out>, error: CoreError): Out {
  const word = messages[error.code] as (error: CoreError) => Out;
  return word(error);
}
