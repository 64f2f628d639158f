import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { type Caller, type MembershipCore, ok, type Result } from '../../src/core/index.ts';
import { type ButtonAction, parseButton } from '../shared/button-ids.ts';
import { describeError } from '../shared/wording.ts';
import { callerOf } from './caller.ts';
import { messages } from './messages.ts';
import { cancelledText, confirmedText } from './render-confirmation.ts';
import { acceptedText, declinedText, inviteText } from './render-invite.ts';
import { decisionCardText, requestMadeText } from './render-requests.ts';
import { pages } from './reply.ts';

/** A click's answer: the message's new text, and what only the clicker should see (invitation codes). */
type Clicked = string | { text: string; privately: string };

function mapResult<T>(result: Result<T>, render: (value: T) => Clicked): Result<Clicked> {
  return result.ok ? ok(render(result.value)) : result;
}

/** `run` for a parsed button: one core call, its outcome as the new text of the message. */
async function run(action: ButtonAction, caller: Caller, core: MembershipCore): Promise<Result<Clicked>> {
  switch (action.kind) {
    case 'confirm':
      return mapResult(await core.confirm(caller, { actionId: action.actionId }), (o) => confirmedText(o.action));
    case 'cancel':
      return mapResult(await core.cancel(caller, { actionId: action.actionId }), (o) => cancelledText(o.action));
    case 'accept':
      return mapResult(await core.accept(caller, { invitationId: action.invitationId }), acceptedText);
    case 'decline':
      return mapResult(await core.decline(caller, { invitationId: action.invitationId }), declinedText);
    case 'ask':
      return mapResult(await core.askOwner(caller, { offerId: action.requestId }), requestMadeText);
    case 'approve':
      return mapResult(await core.approveRequest(caller, { requestId: action.requestId }), (v) =>
        v.invited === undefined ? decisionCardText(v) : { text: decisionCardText(v), privately: inviteText(v.invited) },
      );
    case 'deny':
      return mapResult(await core.denyRequest(caller, { requestId: action.requestId }), decisionCardText);
  }
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
  const result = await run(action, callerOf(interaction), core);
  if (result.ok) {
    const content = typeof result.value === 'string' ? result.value : result.value.text;
    await interaction.editReply({ content, components: [], allowedMentions: { parse: [] } });
    // Codes are the approving owner's alone: never in the channel's card (SPEC §4).
    if (typeof result.value !== 'string')
      for (const page of pages(result.value.privately))
        await interaction.followUp({ content: page, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return 'ok';
  }
  await interaction.followUp({ content: describeError(messages, result.error), flags: MessageFlags.Ephemeral });
  return result.error.code;
}

export function buttonKind(customId: string): string {
  return parseButton(customId)?.kind ?? 'unknown';
}
