import type { types } from '@slack/bolt';
import type { NotificationEvent } from '../../../src/core/index.ts';
import { type ButtonAction, encodeIfFits } from '../../shared/button-ids.ts';
import { ellipsis } from '../../shared/fit.ts';

/** Slack: a button's text ≤ 75 characters (SPEC §10). */
const BUTTON_TEXT = 75;

interface Choice {
  readonly action: ButtonAction;
  readonly label: string;
  readonly style?: 'primary' | 'danger';
}

/** The buttons whose id fits; none at all when one does not, so a prompt never offers half its choices. */
export function buttonRow(choices: readonly Choice[]): types.ActionsBlock | undefined {
  const elements: types.Button[] = [];
  for (const { action, label, style } of choices) {
    const id = encodeIfFits(action);
    if (id === undefined) return undefined;
    const text = { type: 'plain_text' as const, text: ellipsis(label, BUTTON_TEXT) };
    elements.push({ type: 'button', action_id: id, text, ...(style === undefined ? {} : { style }) });
  }
  return { type: 'actions', elements };
}

/**
 * SPEC §12's point-and-click answers to a notice: Resend / Revoke on an expiry reminder, Extend /
 * Let it end before a membership ends, Remove on a deactivated member. Undefined for other notices.
 */
export function promptButtons(event: NotificationEvent): types.ActionsBlock | undefined {
  switch (event.kind) {
    case 'invitation_reminder':
      return buttonRow([
        { action: { kind: 'resend', email: event.email }, label: 'Resend', style: 'primary' },
        { action: { kind: 'revoke', email: event.email }, label: 'Revoke', style: 'danger' },
      ]);
    case 'membership_ending':
      return buttonRow([
        { action: { kind: 'extend', email: event.email }, label: 'Extend', style: 'primary' },
        { action: { kind: 'let_end', email: event.email }, label: 'Let it end' },
      ]);
    case 'member_deactivated':
      return buttonRow([
        { action: { kind: 'offboard', email: event.email }, label: `Remove from ${event.orgName}`, style: 'danger' },
      ]);
    default:
      return undefined;
  }
}
