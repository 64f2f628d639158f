import type { ConfirmableAction, PendingConfirmation } from '../../src/core/index.ts';
import { describeAction } from '../shared/wording.ts';
import { type ButtonRow, confirmRow } from './components.ts';
import { when } from './format.ts';
import { confirmations } from './messages.ts';

/** `workspaceId`: the organization's server, for a confirmation shown in a DM (a reminder's Revoke). */
export function confirmationMessage(
  pending: PendingConfirmation,
  workspaceId?: string,
): { content: string; components: ButtonRow[] } {
  const { question, button } = describeAction(confirmations, pending.action);
  return {
    content: `${question}\nThis confirmation expires ${when(pending.expiresAt, 'R')}.`,
    components: [confirmRow(pending.actionId, button, workspaceId)],
  };
}

/** What replaces the confirmation message once the action ran. */
export function confirmedText(action: ConfirmableAction): string {
  return describeAction(confirmations, action).done;
}

export function cancelledText(action: ConfirmableAction): string {
  return `Cancelled: ${describeAction(confirmations, action).button.toLowerCase()} did not happen. Nothing changed.`;
}
