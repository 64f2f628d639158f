import type { ParsedCommand } from '../../../src/commands/parse-command.ts';
import { COMMANDS } from '../../../src/commands/table.ts';
import type { EmailArg } from '../../../src/commands/words.ts';
import { describeError } from '../../shared/wording.ts';
import { slackMessages, unknownMentionsMessage } from '../messages.ts';
import type { CommandContext } from './context.ts';

type Resolver = (args: readonly EmailArg[]) => Promise<readonly string[]>;

/** The email arguments of a parsed command, as the grammar read them. */
export function emailArgsOf(parsed: ParsedCommand): EmailArg[] {
  if (parsed.name === 'usage' || parsed.name === 'unknown') return [];
  const fields: Readonly<Record<string, unknown>> = parsed;
  return COMMANDS[parsed.name].args.flatMap((arg) => {
    const value = fields[arg.name];
    if (arg.kind === 'emails') return value as readonly EmailArg[];
    return arg.kind === 'email' && value !== undefined ? [value as EmailArg] : [];
  });
}

/**
 * Acknowledged first, API calls after, and only for members: a command naming people (by email or
 * mention) spends no users.info or users.lookupByEmail until the core says the caller is a member.
 * Then each mention is looked up once; one Slack does not know is refused, naming it.
 */
export async function membersResolver(
  ctx: CommandContext,
  args: readonly EmailArg[],
): Promise<{ ok: true; resolve: Resolver } | { ok: false; text: string }> {
  const me = await ctx.core.whoAmI(ctx.caller);
  if (!me.ok) return { ok: false, text: describeError(slackMessages, me.error) };
  const { emails, missing } = await ctx.directory.mentions(ctx.teamId, args);
  if (missing.length > 0) return { ok: false, text: unknownMentionsMessage(missing) };
  const resolve: Resolver = async (list) =>
    list.map((arg) => ('email' in arg ? arg.email : (emails.get(arg.userId) ?? '')));
  return { ok: true, resolve };
}
