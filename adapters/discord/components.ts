import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonBuilder,
  ButtonStyle,
} from 'discord.js';
import { encodeButton } from '../shared/button-ids.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function row(...buttons: ButtonBuilder[]): ButtonRow {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON();
}

/** SPEC §3: a danger-styled confirm and a plain cancel; the ids carry only the pending action's id. */
export function confirmRow(actionId: string, confirmLabel: string): ButtonRow {
  return row(
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'confirm', actionId }))
      .setStyle(ButtonStyle.Danger)
      .setLabel(confirmLabel),
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'cancel', actionId }))
      .setStyle(ButtonStyle.Secondary)
      .setLabel('Cancel'),
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
