import { type CoreError, type InviteOutcome, parseEmail, type Result } from '../../../src/core/index.ts';
import { askableRefusal } from '../render/requests.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './outcome.ts';

/**
 * One core.invite call, with the invitees Slack can reach looked up first (within the lookup
 * budget, directory.ts), so the core can address their DM instead of handing the inviter a code.
 * Callers check membership first: a stranger's invite costs no lookups.
 */
export async function inviteFromSlack(
  ctx: CommandContext,
  { emails, role, duration }: { emails: readonly string[]; role?: string | undefined; duration?: string | undefined },
): Promise<Result<InviteOutcome>> {
  // Only addresses that look valid are worth a lookup; the core rejects the rest and names them.
  const lookups = [...new Set(emails.map(parseEmail).filter((email) => email !== undefined))];
  const reachable = await ctx.directory.reachable(lookups);
  const optional = { ...(role === undefined ? {} : { role }), ...(duration === undefined ? {} : { duration }) };
  return ctx.core.invite(ctx.caller, { emails, reachable, ...optional });
}

/**
 * A role the caller may not grant (SPEC §12): the refusal stands, and carries Ask an owner, whose
 * button holds the id of the invite the core kept as an offer. Other refusals are shown as they are.
 */
export async function offerToAsk(
  ctx: CommandContext,
  refused: CommandResult,
  error: CoreError,
  args: { emails: readonly string[]; role?: string },
): Promise<CommandResult> {
  if (error.code !== 'role_not_grantable' || args.role === undefined) return refused;
  const offer = await ctx.core.offerAsk(ctx.caller, { emails: args.emails, role: args.role });
  return offer.ok ? { ...refused, reply: askableRefusal(refused.reply.text, offer.value.offerId) } : refused;
}
