import type { PendingConfirmation, Result } from '../../../src/core/index.ts';
import { confirmationMessage } from '../render-confirmation.ts';
import { answer, type Reply } from './types.ts';

/** revoke, role, remove and leave all answer with the same confirm/cancel message (SPEC §3). */
export function confirmation(result: Result<PendingConfirmation>): Reply {
  return answer(result, confirmationMessage);
}
