import type { App } from '@slack/bolt';
import { parseCommand } from '../../../src/commands/parse-command.ts';
import type { CommandContext } from '../commands/context.ts';
import { SLACK_SURFACE } from '../commands/entities.ts';
import { runCommand } from '../commands/run-command.ts';
import type { SlackReply } from '../render/reply.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { openInviteModal } from './invite-modal.ts';
import { replyInAck } from './reply-in-ack.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/**
 * `/members <text>`: one core call, its ephemeral reply in the acknowledgement when ready within the
 * budget (reply-in-ack.ts); past it, acknowledged empty and answered through response_url.
 */
export function registerCommand(app: App, deps: ListenerDeps): void {
  app.command('/members', async ({ command, ack, respond, client }) => {
    const reply = replyInAck(ack, respond);
    try {
      const parsed = parseCommand(command.text, SLACK_SURFACE);
      const label = parsed.name === 'usage' ? parsed.command : parsed.name;
      const tell = (text: string) => reply.send({ response_type: 'ephemeral', text });
      await guarded(deps, label, tell, async () => {
        const caller = await deps.directory.caller(command.team_id, command.user_id);
        const ctx: CommandContext = {
          ...deps,
          directory: deps.directory.forTeam(command.team_id),
          teamId: command.team_id,
          caller,
        };
        if (parsed.name === 'invite' && parsed.emails.length === 0) {
          // The modal opens on its own; the acknowledgement stays empty so no message shows under it.
          await reply.ackEmpty();
          await yieldAfterAck();
          const outcome = await openInviteModal(ctx, client, command.trigger_id, tell);
          countCommand(deps, 'invite', outcome);
          return;
        }
        const result = await runCommand(ctx, parsed);
        countCommand(deps, result.command, result.outcome);
        // A long reply is several messages, in order: the first in the acknowledgement, the others
        // within the response_url's five uses (render/paged.ts).
        for (const message of [result.reply, ...(result.reply.continued ?? [])])
          await reply.send({ response_type: 'ephemeral', text: message.text, ...blocksOf(message) });
      });
    } finally {
      await reply.ackEmpty();
    }
  });
}

function blocksOf(reply: SlackReply) {
  return reply.blocks ? { blocks: reply.blocks } : {};
}
