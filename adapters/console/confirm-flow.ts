import type { Caller, PendingConfirmation, Result } from '../../src/core/index.ts';
import { describeAction, describeError } from '../shared/wording.ts';
import type { ConsoleContext } from './console-context.ts';
import { consoleConfirmations } from './messages.ts';
import { renderCancelled } from './render-outcomes.ts';

const YES = /^(y|yes)$/i;

/** The organization's name for the question; actions other than leave do not carry it. */
async function orgNameOf(caller: Caller, ctx: ConsoleContext): Promise<string> {
  const me = await ctx.core.whoAmI(caller);
  return me.ok ? me.value.orgName : 'the organization';
}

/**
 * SPEC §3 on a terminal: the stored action is described as a yes/no question, the next line is
 * the answer, and only an explicit yes confirms; anything else (or the input ending) cancels.
 */
export async function confirmFlow(
  ctx: ConsoleContext & { readonly caller: Caller },
  pending: Result<PendingConfirmation>,
): Promise<string> {
  const { caller } = ctx;
  if (!pending.ok) return describeError(ctx.messages, pending.error);
  const { actionId, action } = pending.value;
  const answer = await ctx.ask(describeAction(consoleConfirmations, action).question(await orgNameOf(caller, ctx)));
  if (answer !== undefined && YES.test(answer.trim())) {
    const done = await ctx.core.confirm(caller, { actionId });
    return done.ok
      ? describeAction(consoleConfirmations, done.value.action).done
      : describeError(ctx.messages, done.error);
  }
  const cancelled = await ctx.core.cancel(caller, { actionId });
  return cancelled.ok ? renderCancelled() : describeError(ctx.messages, cancelled.error);
}
