import type { CommandName, EmailArg, ParsedCommand } from '../../../src/commands/parse-command.ts';
import { parseEmail } from '../../../src/core/index.ts';
import { activityReply } from '../render/activity.ts';
import { confirmationReply } from '../render/confirmation.ts';
import { inviteResultReply, resendReply } from '../render/invite-result.ts';
import { escapeText } from '../render/reply.ts';
import { rosterReply } from '../render/roster.ts';
import { roleName } from '../role-names.ts';
import type { CommandContext } from './context.ts';
import { helpReply, usageReply } from './help.ts';
import { inviteFromSlack } from './invite.ts';
import { type CommandResult, settle } from './outcome.ts';

export interface RunResult extends CommandResult {
  /** The metric label: a command name, or `unknown`. */
  readonly command: CommandName | 'unknown';
}

async function oneEmail(ctx: CommandContext, arg: EmailArg): Promise<string> {
  const [email] = await ctx.directory.emails(ctx.teamId, [arg]);
  return email ?? '';
}

async function handle(
  ctx: CommandContext,
  parsed: Exclude<ParsedCommand, { name: 'usage' | 'unknown' }>,
): Promise<CommandResult> {
  const { core, caller } = ctx;
  const now = () => ctx.clock();
  const confirm = (pending: Parameters<typeof confirmationReply>[0]) => confirmationReply(pending, now());
  switch (parsed.name) {
    case 'help':
      return { outcome: 'ok', reply: helpReply() };
    case 'invite':
      return settle(await inviteFromSlack(ctx, parsed.emails, parsed.role), (v) => inviteResultReply(v, now()));
    case 'list':
      return settle(await core.list(caller, { what: parsed.what }), (v) => rosterReply(v, parsed.what, now()));
    case 'revoke':
      return settle(await core.requestRevoke(caller, { email: await oneEmail(ctx, parsed.email) }), confirm);
    case 'remove':
      return settle(await core.requestRemove(caller, { email: await oneEmail(ctx, parsed.email) }), confirm);
    case 'role': {
      const email = await oneEmail(ctx, parsed.email);
      return settle(await core.requestRoleChange(caller, { email, role: parsed.role }), confirm);
    }
    case 'leave':
      return settle(await core.requestLeave(caller), confirm);
    case 'resend': {
      const email = await oneEmail(ctx, parsed.email);
      const normalized = parseEmail(email);
      const userId = normalized === undefined ? undefined : await ctx.directory.lookupByEmail(normalized);
      const input = userId === undefined ? { email } : { email, reachableUserId: userId };
      return settle(await core.resend(caller, input), (v) => resendReply(v, now()));
    }
    case 'accept':
    case 'decline':
      return codeCommand(ctx, parsed.name, parsed.code);
    case 'activity': {
      const input = parsed.page === undefined ? {} : { page: parsed.page };
      return settle(await core.activity(caller, input), (v) => activityReply(v, now()));
    }
    case 'setup': {
      const { isWorkspaceAdmin } = await ctx.directory.profile(ctx.teamId, caller.userId);
      const result = await core.setup(caller, { orgName: parsed.orgName, isPlatformAdmin: isWorkspaceAdmin });
      return settle(result, (v) => ({
        text: `:white_check_mark: Created *${escapeText(v.orgName)}*. You (${v.ownerEmail}) are its first owner. Pick a channel for notifications with \`/members channel #channel\`.`,
      }));
    }
    case 'channel':
      return settle(await core.setChannel(caller, { channelId: parsed.channelId }), (v) => ({
        text: `:white_check_mark: Notifications will be posted in <#${v.channelId}>. Invite me there with \`/invite @Rollcall\` if I am not in it yet.`,
      }));
  }
}

async function codeCommand(
  ctx: CommandContext,
  name: 'accept' | 'decline',
  code: string | undefined,
): Promise<CommandResult> {
  if (code === undefined)
    return {
      outcome: 'usage',
      reply: {
        text: `Use the ${name === 'accept' ? 'Accept' : 'Decline'} button in the invitation I sent you, or \`/members ${name} CODE\` with the code you were given.`,
      },
    };
  if (name === 'accept')
    return settle(await ctx.core.accept(ctx.caller, { code }), (v) => ({
      text: `:tada: Welcome to *${escapeText(v.orgName)}*! You joined as ${roleName(v.role)}.`,
    }));
  return settle(await ctx.core.decline(ctx.caller, { code }), (v) => ({
    text: `You declined the invitation to *${escapeText(v.orgName)}*.`,
  }));
}

/** Translates one parsed `/members` command into one core call and its reply. */
export async function runCommand(ctx: CommandContext, parsed: ParsedCommand): Promise<RunResult> {
  if (parsed.name === 'unknown') return { command: 'unknown', outcome: 'unknown', reply: helpReply(parsed.word) };
  if (parsed.name === 'usage') return { command: parsed.command, outcome: 'usage', reply: usageReply(parsed.command) };
  return { command: parsed.name, ...(await handle(ctx, parsed)) };
}
