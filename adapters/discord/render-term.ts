import { ButtonStyle } from 'discord.js';
import type { ExtendOutcome, NotificationEvent, UndoHandle, UndoOutcome } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import { termLength } from '../shared/time.ts';
import { type ButtonRow, choiceRow } from './components.ts';
import { code, when } from './format.ts';

export function extendedText(outcome: ExtendOutcome): string {
  return `Extended ${code(outcome.email)} by ${termLength(outcome.durationMs)}: the membership now ends ${when(outcome.endsAt, 'R')}.`;
}

export function undoneText(outcome: UndoOutcome): string {
  const ends = outcome.endsAt === undefined ? '' : ` The membership still ends ${when(outcome.endsAt, 'R')}.`;
  return `Undone: ${code(outcome.email)} is back as ${roleLabel(outcome.role)}.${ends}`;
}

/** Let it end changes nothing: the sweep ends the membership when its time is up. */
export function lettingEndText(email: string): string {
  return `OK: the membership of ${code(email)} will end as planned. Nothing changed.`;
}

/** The removal's outcome with its Undo (SPEC §12), which only the owner who removed may use. */
export function undoMessage(done: string, undo: UndoHandle): { content: string; components: ButtonRow[] } {
  const undoRow = choiceRow([
    { action: { kind: 'undo', undoId: undo.undoId }, label: 'Undo', style: ButtonStyle.Secondary },
  ]);
  if (undoRow === undefined) return { content: done, components: [] };
  return {
    content: `${done}\nOnly you can undo this; the button expires ${when(undo.expiresAt, 'R')}.`,
    components: [undoRow],
  };
}

/**
 * SPEC §12's answers to a notice: Resend / Revoke on a reminder, Extend / Let it end before a
 * membership ends, Remove on a deactivated member. A DM carries no server, so its buttons name the
 * organization's (`workspaceId`); undefined for other notices.
 */
export function promptRow(event: NotificationEvent, workspaceId?: string): ButtonRow | undefined {
  const where = workspaceId === undefined || workspaceId === '' ? {} : { workspaceId };
  switch (event.kind) {
    case 'invitation_reminder': {
      const { email } = event;
      return choiceRow([
        { action: { kind: 'resend', email, ...where }, label: 'Resend', style: ButtonStyle.Primary },
        { action: { kind: 'revoke', email, ...where }, label: 'Revoke', style: ButtonStyle.Danger },
      ]);
    }
    case 'membership_ending': {
      const { email } = event;
      return choiceRow([
        { action: { kind: 'extend', email, ...where }, label: 'Extend', style: ButtonStyle.Primary },
        { action: { kind: 'let_end', email, ...where }, label: 'Let it end', style: ButtonStyle.Secondary },
      ]);
    }
    case 'member_deactivated':
      return choiceRow([
        {
          action: { kind: 'offboard', email: event.email, ...where },
          label: `Remove from ${event.orgName}`,
          style: ButtonStyle.Danger,
        },
      ]);
    default:
      return undefined;
  }
}
