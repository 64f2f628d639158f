import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { encodeButton } from '../shared/button-ids.ts';
import type { ButtonRow } from './components.ts';

/**
 * Approve and Deny under a request in the owners' channel, or in an owner's DM (where a click carries
 * no server, so `workspaceId` names it); the core refuses anyone but an owner.
 */
export function requestRow(requestId: string, workspaceId?: string): ButtonRow {
  const where = workspaceId === undefined ? {} : { workspaceId };
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'approve', requestId, ...where }))
        .setStyle(ButtonStyle.Success)
        .setLabel('Approve'),
      new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'deny', requestId, ...where }))
        .setStyle(ButtonStyle.Danger)
        .setLabel('Deny'),
    )
    .toJSON();
}

/** Under a refusal the caller may turn into a request (SPEC §12): the id is the stored offer's. */
export function askRow(offerId: string): ButtonRow {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'ask', requestId: offerId }))
        .setStyle(ButtonStyle.Primary)
        .setLabel('Ask an owner'),
    )
    .toJSON();
}
