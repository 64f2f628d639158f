import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { Caller, MembershipCore } from '../../src/core/index.ts';
import { type ButtonAction, parseButton } from '../shared/button-ids.ts';
import { describeError } from '../shared/wording.ts';
import { callerOf } from './caller.ts';
import { messages } from './messages.ts';
import { pressButton } from './press-button.ts';
import { pages } from './reply.ts';

/** A DM carries no server: a button sent there names its organization's. */
function clickerOf(interaction: ButtonInteraction, action: ButtonAction): Caller {
  const caller = callerOf(interaction);
  const named = action.workspaceId;
  return caller.workspaceId === '' && named !== undefined ? { ...caller, workspaceId: named } : caller;
}

/**
 * A click updates its message in place with the outcome and drops the buttons. A refused click
 * (someone else's, a second one, an expired one) leaves the message as it was and tells the
 * clicker why in an ephemeral follow-up. Returns the metrics outcome.
 */
export async function handleButton(interaction: ButtonInteraction, core: MembershipCore): Promise<string> {
  const action = parseButton(interaction.customId);
  if (!action) {
    await interaction.reply({
      content: 'This button is no longer in use: nothing changed.',
      flags: MessageFlags.Ephemeral,
    });
    return 'unknown_button';
  }
  // Acknowledge first: the core's transaction may outlast Discord's 3-second window.
  await interaction.deferUpdate();
  const result = await pressButton(action, clickerOf(interaction, action), core);
  if (result.ok) {
    const { value } = result;
    const allowedMentions = { parse: [] };
    if ('ask' in value) await interaction.followUp({ ...value.ask, allowedMentions, flags: MessageFlags.Ephemeral });
    else await interaction.editReply({ components: [], ...value.replace, allowedMentions });
    // Codes are the approving owner's alone: never in the channel's card (SPEC §4).
    if ('privately' in value && value.privately !== undefined)
      for (const content of pages(value.privately))
        await interaction.followUp({ content, allowedMentions, flags: MessageFlags.Ephemeral });
    return 'ok';
  }
  await interaction.followUp({ content: describeError(messages, result.error), flags: MessageFlags.Ephemeral });
  return result.error.code;
}

export function buttonKind(customId: string): string {
  return parseButton(customId)?.kind ?? 'unknown';
}
