import { type InviteOutcome, parseEmail, type Result } from '../../../src/core/index.ts';
import type { CommandContext } from './context.ts';

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
