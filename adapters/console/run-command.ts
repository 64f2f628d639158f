import type { EmailArg, ParsedCommand } from '../../src/commands/parse-command.ts';
import type { Caller, Result } from '../../src/core/index.ts';
import { confirmFlow } from './confirm-flow.ts';
import type { ConsoleContext } from './console-context.ts';
import { errorText } from './messages.ts';
import {
  renderAccept,
  renderActivity,
  renderChannel,
  renderDecline,
  renderInvite,
  renderResend,
  renderSetup,
} from './render-outcomes.ts';
import { renderRoster } from './render-roster.ts';

/** The console has no channel to pick: its notifications print in the terminal. */
const TERMINAL_CHANNEL = 'terminal';

/** A command that reaches the core; help, usage and unknown words are answered before. */
export type CoreCommand = Exclude<ParsedCommand, { name: 'help' | 'usage' | 'unknown' }>;

/** The console has no mentions: a chat user id here is already an email. */
function email(arg: EmailArg): string {
  return 'email' in arg ? arg.email : arg.userId;
}

function reply<T>(ctx: ConsoleContext, result: Result<T>, render: (value: T) => string): string {
  return result.ok ? render(result.value) : errorText(ctx.messages, result.error);
}

const MISSING_CODE = 'Give the invitation code you were sent: accept <code> (or decline <code>).';

/** One command → one core call → the answer text. */
export async function runCommand(command: CoreCommand, caller: Caller, ctx: ConsoleContext): Promise<string> {
  const { core } = ctx;
  const now = () => ctx.clock();
  switch (command.name) {
    // Console setup: whoever runs the terminal owns the machine, so they count as its platform admin.
    case 'setup':
      return reply(
        ctx,
        await core.setup(caller, {
          orgName: command.orgName,
          isPlatformAdmin: true,
          defaultChannelId: TERMINAL_CHANNEL,
        }),
        renderSetup,
      );
    case 'invite': {
      const input = {
        emails: command.emails.map(email),
        ...(command.role === undefined ? {} : { role: command.role }),
      };
      return reply(ctx, await core.invite(caller, input), (o) => renderInvite(o, now()));
    }
    case 'list':
      return reply(ctx, await core.list(caller, { what: command.what }), (r) => renderRoster(r, command.what, now()));
    case 'resend':
      return reply(ctx, await core.resend(caller, { email: email(command.email) }), (o) => renderResend(o, now()));
    case 'revoke':
      return confirmFlow(caller, ctx, core.requestRevoke(caller, { email: email(command.email) }));
    case 'role':
      return confirmFlow(
        caller,
        ctx,
        core.requestRoleChange(caller, { email: email(command.email), role: command.role }),
      );
    case 'remove':
      return confirmFlow(caller, ctx, core.requestRemove(caller, { email: email(command.email) }));
    case 'leave':
      return confirmFlow(caller, ctx, core.requestLeave(caller));
    case 'accept':
      if (command.code === undefined) return MISSING_CODE;
      return reply(ctx, await core.accept(caller, { code: command.code }), renderAccept);
    case 'decline':
      if (command.code === undefined) return MISSING_CODE;
      return reply(ctx, await core.decline(caller, { code: command.code }), renderDecline);
    case 'activity': {
      const input = command.page === undefined ? {} : { page: command.page };
      return reply(ctx, await core.activity(caller, input), (page) => renderActivity(page, now()));
    }
    case 'channel':
      return reply(ctx, await core.setChannel(caller, { channelId: command.channelId }), (c) =>
        renderChannel(c.channelId),
      );
  }
}
