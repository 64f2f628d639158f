import type { Caller, DecisionOutcome } from '../../src/core/index.ts';
import { askPhrase } from '../shared/request-wording.ts';
import { describeError } from '../shared/wording.ts';
import type { ConsoleContext } from './console-context.ts';
import { renderInvite } from './render-outcomes.ts';

/**
 * The terminal's stand-in for the Approve and Deny buttons of a request card (SPEC §12), as `as`
 * stands in for a chat login: the console's channel line shows the request's id to type. Not in
 * the command table, since Slack and Discord answer with the buttons.
 */
export const REQUEST_ANSWER = /^\/?(approve|deny)(?:\s+(\S+))?\s*$/i;

function renderDecision(outcome: DecisionOutcome, now: number): string {
  const head = `${outcome.by} ${outcome.decision} the request of ${outcome.requester} for ${askPhrase(outcome.ask, (e) => e)}.`;
  return outcome.invited === undefined ? head : `${head}\n${renderInvite(outcome.invited, now)}`;
}

export async function answerRequest(
  verb: string,
  requestId: string | undefined,
  caller: Caller,
  ctx: ConsoleContext,
): Promise<string> {
  if (requestId === undefined) return 'Usage: approve <request id> (or deny <request id>)';
  const input = { requestId };
  const result =
    verb.toLowerCase() === 'approve'
      ? await ctx.core.approveRequest(caller, input)
      : await ctx.core.denyRequest(caller, input);
  return result.ok ? renderDecision(result.value, ctx.clock()) : describeError(ctx.messages, result.error);
}
