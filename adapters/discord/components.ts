import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonBuilder,
  ButtonStyle,
} from 'discord.js';
import { type ButtonAction, encodeButton, encodeIfFits } from '../shared/button-ids.ts';
import { ellipsis } from '../shared/fit.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function row(...buttons: ButtonBuilder[]): ButtonRow {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON();
}

/**
 * SPEC §3: a danger-styled confirm and a plain cancel; the ids carry only the pending action's id,
 * and in a DM the organization's server (`workspaceId`), which a click there does not carry.
 */
export function confirmRow(actionId: string, confirmLabel: string, workspaceId?: string): ButtonRow {
  const where = workspaceId === undefined ? {} : { workspaceId };
  const id = (kind: 'confirm' | 'cancel') =>
    encodeIfFits({ kind, actionId, ...where }) ?? encodeButton({ kind, actionId });
  return row(
    new ButtonBuilder().setCustomId(id('confirm')).setStyle(ButtonStyle.Danger).setLabel(confirmLabel),
    new ButtonBuilder().setCustomId(id('cancel')).setStyle(ButtonStyle.Secondary).setLabel('Cancel'),
  );
}

/** The invitee's DM (SPEC §4b): accepting links this Discord account to the invited email. */
export function offerRow(invitationId: string): ButtonRow {
  return row(
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'accept', invitationId }))
      .setStyle(ButtonStyle.Success)
      .setLabel('Accept'),
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'decline', invitationId }))
      .setStyle(ButtonStyle.Secondary)
      .setLabel('Decline'),
  );
}

/** Discord: a button's label ≤ 80 characters. */
const LABEL_CHARS = 80;

export interface Choice {
  readonly action: ButtonAction;
  readonly label: string;
  readonly style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger;
}

/** A row of SPEC §12's buttons; none at all when one id does not fit, so no half set of choices is offered. */
export function choiceRow(choices: readonly Choice[]): ButtonRow | undefined {
  const buttons: ButtonBuilder[] = [];
  for (const { action, label, style } of choices) {
    const id = encodeIfFits(action);
    if (id === undefined) return undefined;
    buttons.push(new ButtonBuilder().setCustomId(id).setStyle(style).setLabel(ellipsis(label, LABEL_CHARS)));
  }
  return row(...buttons);
}
