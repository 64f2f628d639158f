/**
 * The picker the only owner is offered instead of a bare refusal to leave (SPEC §12): choosing a
 * member opens the transfer's confirmation. The chosen option's value is the email itself, so the
 * picker id carries nothing and the core checks everything again.
 */
export const TRANSFER_PICKER_ID = 'rollcall:transfer-to';

/** The candidates a picker can carry: an email longer than the platform's option value is left to typing. */
export function pickable(candidates: readonly string[], maxValue: number, maxOptions: number): string[] {
  return candidates.filter((email) => email.length <= maxValue).slice(0, maxOptions);
}
