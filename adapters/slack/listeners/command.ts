import type { App } from '@slack/bolt';
import { parseCommand } from '../../../src/commands/parse-command.ts';
import type { CommandContext } from '../commands/context.ts';
import { SLACK_SURFACE } from '../commands/entities.ts';
import { runCommand } from '../commands/run-command.ts';
import type { SlackReply } from '../render/reply.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { openInviteModal } from './invite-modal.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/** `/members <text>`: acknowledge at once, then one core call, answered ephemerally through response_url. */
export function registerCommand(app: App, deps: ListenerDeps): void {
  app.command('/members', async ({ command, ack, respond, client }) => {
    await ack();
    await yieldAfterAck();
    const parsed = parseCommand(command.text, SLACK_SURFACE);
    const label = parsed.name === 'usage' ? parsed.command : parsed.name;
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    await guarded(deps, label, tell, async () => {
      const caller = await deps.directory.caller(command.team_id, command.user_id);
      const ctx: CommandContext = {
        ...deps,
        directory: deps.directory.forTeam(command.team_id),
        teamId: command.team_id,
        caller,
      };
      if (parsed.name === 'invite' && parsed.emails.length === 0) {
        const outcome = await openInviteModal(ctx, client, command.trigger_id, tell);
        countCommand(deps, 'invite', outcome);
        return;
      }
      const result = await runCommand(ctx, parsed);
      countCommand(deps, result.command, result.outcome);
      // A long reply is several messages, in order, within the response_url's five uses (render/paged.ts).
      for (const message of [result.reply, ...(result.reply.continued ?? [])])
        await respond({ response_type: 'ephemeral', text: message.text, ...blocksOf(message) });
    });
  });
}

function blocksOf(reply: SlackReply) {
  return reply.blocks ? { blocks: reply.blocks } : {};
}
