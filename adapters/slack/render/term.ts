import type { ExtendOutcome, UndoHandle, UndoOutcome } from '../../../src/core/index.ts';
import { roleLabel } from '../../shared/roles.ts';
import { calendarDate, relativeTime, termLength } from '../../shared/time.ts';
import { buttonRow } from './prompt-buttons.ts';
import { context, escapeText, type SlackReply, section } from './reply.ts';

export function extendedReply(outcome: ExtendOutcome, now: number): SlackReply {
  return {
    text: `:white_check_mark: Extended *${escapeText(outcome.email)}* by ${termLength(outcome.durationMs)}: the membership now ends ${relativeTime(outcome.endsAt, now)} (${calendarDate(outcome.endsAt)}).`,
  };
}

/** The removal's outcome with its Undo (SPEC §12), which only the owner who removed may use. */
export function withUndo(done: string, undo: UndoHandle, now: number): SlackReply {
  const row = buttonRow([{ action: { kind: 'undo', undoId: undo.undoId }, label: 'Undo' }]);
  if (row === undefined) return { text: done };
  return {
    text: done,
    blocks: [
      section(done),
      row,
      context(`Only you can undo this; the button expires ${relativeTime(undo.expiresAt, now)}.`),
    ],
  };
}

export function undoneReply(outcome: UndoOutcome, now: number): SlackReply {
  const ends = outcome.endsAt === undefined ? '' : ` The membership still ends ${relativeTime(outcome.endsAt, now)}.`;
  return {
    text: `:leftwards_arrow_with_hook: Undone: *${escapeText(outcome.email)}* is back as ${roleLabel(outcome.role)}.${ends}`,
  };
}

/** Let it end changes nothing: the sweep ends the membership when its time is up. */
export function lettingEndReply(email: string): SlackReply {
  return { text: `OK: the membership of *${escapeText(email)}* will end as planned. Nothing changed.` };
}
