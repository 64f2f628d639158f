import { confirmHandlers, type Handlers, runParsed } from '../../src/commands/handlers.ts';
import type { CommandOf } from '../../src/commands/parse-command.ts';
import type { CommandName } from '../../src/commands/table.ts';
import type { EmailArg } from '../../src/commands/words.ts';
import type { Caller, Result } from '../../src/core/index.ts';
import { describeError } from '../shared/wording.ts';
import { confirmFlow } from './confirm-flow.ts';
import type { ConsoleContext } from './console-context.ts';
import { consoleHelp } from './help-text.ts';
import { renderLinkCode, renderLinked } from './render-link.ts';
import {
  renderAccept,
  renderActivity,
  renderChannel,
  renderDecline,
  renderExtended,
  renderInvite,
  renderResend,
  renderSetup,
} from './render-outcomes.ts';
import { renderDomains, renderOpenRequests, renderRequestMade } from './render-requests.ts';
import { renderRoster } from './render-roster.ts';

/** The console has no channel to pick: its notifications print in the terminal. */
const TERMINAL_CHANNEL = 'terminal';

type CommandContext = ConsoleContext & { readonly caller: Caller };

function reply<T>(ctx: ConsoleContext, result: Result<T>, render: (value: T) => string): string {
  return result.ok ? render(result.value) : describeError(ctx.messages, result.error);
}

const WHERE_TO_LOOK = 'If you were sent a code, give it: accept <code> (or decline <code>).';

/** Accept or decline without a code; when nothing is addressed to the caller, where an invitation would be. */
function ownReply<T>(ctx: ConsoleContext, result: Result<T>, render: (value: T) => string): string {
  return result.ok ? render(result.value) : `${describeError(ctx.messages, result.error)} ${WHERE_TO_LOOK}`;
}

/** One command → one core call → the answer text; confirmable commands come from the table. */
const HANDLERS: Handlers<CommandContext, string> = {
  ...confirmHandlers(confirmFlow),
  help: async () => consoleHelp(),
  // Console setup: whoever runs the terminal owns the machine, so they count as its platform admin.
  setup: async (ctx, { orgName }) =>
    reply(
      ctx,
      await ctx.core.setup(ctx.caller, { orgName, isPlatformAdmin: true, defaultChannelId: TERMINAL_CHANNEL }),
      renderSetup,
    ),
  invite: async (ctx, { emails, role, duration }) => {
    const input = { emails, ...(role === undefined ? {} : { role }), ...(duration === undefined ? {} : { duration }) };
    const result = await ctx.core.invite(ctx.caller, input);
    const answer = reply(ctx, result, (o) => renderInvite(o, ctx.clock()));
    if (result.ok || result.error.code !== 'role_not_grantable' || role === undefined) return answer;
    return askOwnerFlow(ctx, answer, { emails, role });
  },
  extend: async (ctx, { email, duration }) =>
    reply(ctx, await ctx.core.extend(ctx.caller, { email, duration }), (o) => renderExtended(o, ctx.clock())),
  list: async (ctx, { what }) =>
    what === 'requests'
      ? reply(ctx, await ctx.core.listRequests(ctx.caller), (r) => renderOpenRequests(r, ctx.clock()))
      : reply(ctx, await ctx.core.list(ctx.caller, { what }), (r) => renderRoster(r, what, ctx.clock())),
  resend: async (ctx, { email }) =>
    reply(ctx, await ctx.core.resend(ctx.caller, { email }), (o) => renderResend(o, ctx.clock())),
  // Without a code: the invitation addressed to the `--as` email (SPEC §4), else where to look.
  accept: async (ctx, { code }) =>
    code === undefined
      ? ownReply(ctx, await ctx.core.accept(ctx.caller, { own: true }), renderAccept)
      : reply(ctx, await ctx.core.accept(ctx.caller, { code }), renderAccept),
  decline: async (ctx, { code }) =>
    code === undefined
      ? ownReply(ctx, await ctx.core.decline(ctx.caller, { own: true }), renderDecline)
      : reply(ctx, await ctx.core.decline(ctx.caller, { code }), renderDecline),
  activity: async (ctx, { page }) => {
    const result = await ctx.core.activity(ctx.caller, page === undefined ? {} : { page });
    return reply(ctx, result, (p) => renderActivity(p, ctx.clock()));
  },
  channel: async (ctx, { channelId }) =>
    reply(ctx, await ctx.core.setChannel(ctx.caller, { channelId }), (c) => renderChannel(c.channelId)),
  request: async (ctx, { role }) => reply(ctx, await ctx.core.requestRole(ctx.caller, { role }), renderRequestMade),
  domains: async (ctx, { op, domain }) =>
    reply(ctx, await ctx.core.domains(ctx.caller, domain === undefined ? { op } : { op, domain }), renderDomains),
  // Without a code an owner makes one; with one, the terminal's user (its admin, as for setup) redeems it.
  link: async (ctx, { code }) =>
    code === undefined
      ? reply(ctx, await ctx.core.createLinkCode(ctx.caller), (l) => renderLinkCode(l, ctx.clock()))
      : reply(
          ctx,
          await ctx.core.redeemLinkCode(ctx.caller, {
            code,
            isPlatformAdmin: true,
            defaultChannelId: TERMINAL_CHANNEL,
          }),
          renderLinked,
        ),
};

/** SPEC §12 on a terminal: the refusal, then Ask an owner as a yes/no question; only a yes asks. */
async function askOwnerFlow(
  ctx: CommandContext,
  refusal: string,
  invite: { emails: readonly string[]; role: string },
): Promise<string> {
  const offer = await ctx.core.offerAsk(ctx.caller, invite);
  if (!offer.ok) return refusal;
  const answer = await ctx.ask(`${refusal}\nAsk an owner to invite them instead? [y/N]`);
  if (answer === undefined || !/^(y|yes)$/i.test(answer.trim())) return 'Nothing was asked.';
  return reply(ctx, await ctx.core.askOwner(ctx.caller, { offerId: offer.value.offerId }), renderRequestMade);
}

/** The console has no mentions: a chat user id here is already an email. */
async function emails(args: readonly EmailArg[]): Promise<string[]> {
  return args.map((arg) => ('email' in arg ? arg.email : arg.userId));
}

export function runCommand(command: CommandOf<CommandName>, caller: Caller, ctx: ConsoleContext): Promise<string> {
  return runParsed(HANDLERS, { ...ctx, caller }, command, emails);
}
