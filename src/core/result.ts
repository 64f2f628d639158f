import type { CoreError } from './errors.ts';

export type Ok<T> = { readonly ok: true; readonly value: T };
/** A refusal; chat use cases refuse with a CoreError, admin use cases with an AdminError. */
export type Err<E = CoreError> = { readonly ok: false; readonly error: E };
export type Result<T, E = CoreError> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(error: CoreError): Err {
  return { ok: false, error };
}
