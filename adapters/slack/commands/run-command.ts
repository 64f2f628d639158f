import { confirmHandlers, type Handlers, runParsed } from '../../../src/commands/handlers.ts';
import type { ParsedCommand } from '../../../src/commands/parse-command.ts';
import { COMMANDS, type CommandName } from '../../../src/commands/table.ts';
import { parseEmail } from '../../../src/core/index.ts';
import { OWN_INVITATION_HINT } from '../messages.ts';
import { activityReply } from '../render/activity.ts';
import { confirmationReply } from '../render/confirmation.ts';
import { acceptedReply, declinedReply, inviteResultReply, resendReply } from '../render/invite-result.ts';
import { linkCodeReply, linkedReply } from '../render/link.ts';
import { escapeText } from '../render/reply.ts';
import { domainsText, openRequestsReply, requestMadeText } from '../render/requests.ts';
import { rosterReply } from '../render/roster.ts';
import { extendedReply } from '../render/term.ts';
import { onlyOwnerRefusal, transferPickerReply } from '../render/transfer-picker.ts';
import type { CommandContext } from './context.ts';
import { helpReply, usageReply } from './help.ts';
import { inviteFromSlack, offerToAsk } from './invite.ts';
import { type CommandResult, settle } from './outcome.ts';
import { emailArgsOf, membersResolver } from './resolve-mentions.ts';

export interface RunResult extends CommandResult {
  /** The metric label: a command name, or `unknown`. */
  readonly command: CommandName | 'unknown';
}

/** Without a code: the caller's own invitation (SPEC §4), or where to find one. */
function withHint(result: CommandResult): CommandResult {
  if (result.outcome === 'ok') return result;
  return { ...result, reply: { text: `${result.reply.text} ${OWN_INVITATION_HINT}` } };
}

/** Each command as one core call and its Slack reply; confirmable commands come from the table. */
const HANDLERS: Handlers<CommandContext, CommandResult> = {
  ...confirmHandlers(async (ctx, pending) => {
    // The only owner leaving is offered whom to hand over to, not a bare refusal (SPEC §12).
    const onlyOwner = onlyOwnerRefusal(pending);
    if (onlyOwner) return { outcome: onlyOwner.code, reply: transferPickerReply(onlyOwner) };
    return settle(pending, (v) => confirmationReply(v, ctx.clock()));
  }),
  help: async () => ({ outcome: 'ok', reply: helpReply() }),
  invite: async (ctx, args) => {
    const result = await inviteFromSlack(ctx, args);
    const settled = settle(result, (v) => inviteResultReply(v, ctx.clock()));
    return result.ok ? settled : offerToAsk(ctx, settled, result.error, args);
  },
  extend: async (ctx, { email, duration }) =>
    settle(await ctx.core.extend(ctx.caller, { email, duration }), (v) => extendedReply(v, ctx.clock())),
  list: async (ctx, { what }) =>
    what === 'requests'
      ? settle(await ctx.core.listRequests(ctx.caller), (v) => openRequestsReply(v, ctx.clock()))
      : settle(await ctx.core.list(ctx.caller, { what }), (v) => rosterReply(v, what, ctx.clock())),
  resend: async (ctx, { email }) => {
    const normalized = parseEmail(email);
    const userId = normalized === undefined ? undefined : await ctx.directory.lookupByEmail(normalized);
    const input = userId === undefined ? { email } : { email, reachableUserId: userId };
    return settle(await ctx.core.resend(ctx.caller, input), (v) => resendReply(v, ctx.clock()));
  },
  accept: async (ctx, { code }) =>
    code === undefined
      ? withHint(settle(await ctx.core.accept(ctx.caller, { own: true }), acceptedReply))
      : settle(await ctx.core.accept(ctx.caller, { code }), acceptedReply),
  decline: async (ctx, { code }) =>
    code === undefined
      ? withHint(settle(await ctx.core.decline(ctx.caller, { own: true }), declinedReply))
      : settle(await ctx.core.decline(ctx.caller, { code }), declinedReply),
  activity: async (ctx, { page }) =>
    settle(await ctx.core.activity(ctx.caller, page === undefined ? {} : { page }), (v) =>
      activityReply(v, ctx.clock()),
    ),
  setup: async (ctx, { orgName }) => {
    const { isWorkspaceAdmin } = await ctx.directory.profile(ctx.teamId, ctx.caller.userId);
    const result = await ctx.core.setup(ctx.caller, { orgName, isPlatformAdmin: isWorkspaceAdmin });
    return settle(result, (v) => ({
      text: `:white_check_mark: Created *${escapeText(v.orgName)}*. You (${v.ownerEmail}) are its first owner. Pick a channel for notifications with \`/members channel #channel\`.`,
    }));
  },
  channel: async (ctx, { channelId }) =>
    settle(await ctx.core.setChannel(ctx.caller, { channelId }), (v) => ({
      text: `:white_check_mark: Notifications will be posted in <#${escapeText(v.channelId)}>. Invite me there with \`/invite @Rollcall\` if I am not in it yet.`,
    })),
  request: async (ctx, { role }) =>
    settle(await ctx.core.requestRole(ctx.caller, { role }), (v) => ({ text: requestMadeText(v) })),
  domains: async (ctx, { op, domain }) =>
    settle(await ctx.core.domains(ctx.caller, domain === undefined ? { op } : { op, domain }), (v) => ({
      text: domainsText(v),
    })),
  link: async (ctx, { code }) => {
    if (code === undefined)
      return settle(await ctx.core.createLinkCode(ctx.caller), (v) => linkCodeReply(v, ctx.clock()));
    const { isWorkspaceAdmin } = await ctx.directory.profile(ctx.teamId, ctx.caller.userId);
    return settle(await ctx.core.redeemLinkCode(ctx.caller, { code, isPlatformAdmin: isWorkspaceAdmin }), linkedReply);
  },
};

/** Translates one parsed `/members` command into one core call and its reply. */
export async function runCommand(ctx: CommandContext, parsed: ParsedCommand): Promise<RunResult> {
  if (parsed.name === 'unknown') return { command: 'unknown', outcome: 'unknown', reply: helpReply(parsed.word) };
  if (parsed.name === 'usage') return { command: parsed.command, outcome: 'usage', reply: usageReply(parsed.command) };
  const named = emailArgsOf(parsed);
  const takesEmails = COMMANDS[parsed.name].args.some((arg) => arg.kind === 'email' || arg.kind === 'emails');
  if (!takesEmails) return { command: parsed.name, ...(await runParsed(HANDLERS, ctx, parsed, async () => [])) };
  const resolver = await membersResolver(ctx, named);
  if (!resolver.ok) return { command: parsed.name, outcome: 'refused', reply: { text: resolver.text } };
  return { command: parsed.name, ...(await runParsed(HANDLERS, ctx, parsed, resolver.resolve)) };
}
