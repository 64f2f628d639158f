import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIStringSelectComponent,
  MessageFlags,
  StringSelectMenuBuilder,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CoreError, MembershipCore } from '../../src/core/index.ts';
import { pickable, TRANSFER_PICKER_ID } from '../shared/transfer-picker.ts';
import { describeError } from '../shared/wording.ts';
import { callerOf } from './caller.ts';
import type { Reply } from './commands/types.ts';
import { messages } from './messages.ts';
import { confirmationMessage } from './render-confirmation.ts';

export type SelectRow = APIActionRowComponent<APIStringSelectComponent>;

/** Discord: a string select holds ≤ 25 options, each `label` and `value` ≤ 100 characters. */
const MAX_OPTIONS = 25;
const MAX_OPTION = 100;

type OnlyOwner = Extract<CoreError, { code: 'only_owner_cannot_leave' }>;

/** The refusal with a select of whom to hand over to; past 25 members, typing names anyone else. */
export function transferPickerReply(refusal: OnlyOwner): Reply {
  const content = describeError(messages, refusal);
  const emails = pickable(refusal.candidates, MAX_OPTION, MAX_OPTIONS);
  if (emails.length === 0) return { content, outcome: refusal.code };
  const more =
    emails.length < refusal.candidates.length
      ? `\nThe menu shows ${emails.length} of them; for anyone else, run \`/members transfer\` with their email.`
      : '';
  const menu = new StringSelectMenuBuilder()
    .setCustomId(TRANSFER_PICKER_ID)
    .setPlaceholder('Choose the new owner')
    .addOptions(emails.map((email) => ({ label: email, value: email })));
  const row = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON();
  return { content: `${content}${more}`, components: [row], outcome: refusal.code };
}

/**
 * The only owner picked who takes over: the message becomes the transfer's confirmation (SPEC §3).
 * A refused pick (not an owner, a target gone meanwhile) leaves it and tells the picker why.
 */
export async function handleTransferPick(interaction: StringSelectMenuInteraction, core: MembershipCore) {
  await interaction.deferUpdate();
  const pending = await core.requestTransfer(callerOf(interaction), { email: interaction.values[0] ?? '' });
  if (pending.ok) {
    await interaction.editReply({ ...confirmationMessage(pending.value), allowedMentions: { parse: [] } });
    return 'ok';
  }
  await interaction.followUp({ content: describeError(messages, pending.error), flags: MessageFlags.Ephemeral });
  return pending.error.code;
}
