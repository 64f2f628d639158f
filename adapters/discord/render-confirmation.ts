import type { ConfirmableAction, PendingConfirmation } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { type ButtonRow, confirmRow } from './components.ts';
import { code, when } from './format.ts';

/** Exactly what the confirm button will do (SPEC §3). */
export function describeAction(action: ConfirmableAction): { question: string; confirmLabel: string } {
  switch (action.kind) {
    case 'revoke':
      return {
        question: `Revoke the pending invitation of ${code(action.email)} (${roleLabel(action.role)}, invited by ${code(action.invitedBy)})? It can no longer be accepted.`,
        confirmLabel: 'Revoke invitation',
      };
    case 'role':
      return {
        question: `Change the role of ${code(action.email)} from ${roleLabel(action.from)} to ${roleLabel(action.to)}?`,
        confirmLabel: `Make ${roleLabel(action.to)}`,
      };
    case 'remove':
      return {
        question: `Remove ${code(action.email)} (${roleLabel(action.role)}) from the organization? They lose access and are told so.`,
        confirmLabel: 'Remove member',
      };
    case 'leave':
      return {
        question: `Leave **${action.orgName}**? You (${code(action.email)}) will no longer have access to it.`,
        confirmLabel: 'Leave organization',
      };
  }
}

export function confirmationMessage(pending: PendingConfirmation): { content: string; components: ButtonRow[] } {
  const { question, confirmLabel } = describeAction(pending.action);
  return {
    content: `${question}\nThis confirmation expires ${when(pending.expiresAt, 'R')}.`,
    components: [confirmRow(pending.actionId, confirmLabel)],
  };
}

/** What replaces the confirmation message once the action ran. */
export function confirmedText(action: ConfirmableAction): string {
  switch (action.kind) {
    case 'revoke':
      return `Revoked the invitation of ${code(action.email)}.`;
    case 'role':
      return `${code(action.email)} is now ${roleLabel(action.to)} (was ${roleLabel(action.from)}).`;
    case 'remove':
      return `Removed ${code(action.email)} from the organization.`;
    case 'leave':
      return `You left **${action.orgName}**.`;
  }
}

export function cancelledText(action: ConfirmableAction): string {
  return `Cancelled: ${describeAction(action).confirmLabel.toLowerCase()} did not happen. Nothing changed.`;
}
