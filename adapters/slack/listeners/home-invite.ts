import type { App, BlockAction } from '@slack/bolt';
import type { CommandContext } from '../commands/context.ts';
import { HOME_INVITE_ID } from '../home/render.ts';
import { messageModal } from '../render/row-modals.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { openInviteModal } from './invite-modal.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/** The Home's Invite people button: the same modal as `/members invite` alone; a refusal in a modal too. */
export function registerHomeInvite(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(HOME_INVITE_ID, async ({ ack, body, client }) => {
    await ack();
    await yieldAfterAck();
    const tell = (text: string) =>
      client.views.open({ trigger_id: body.trigger_id, view: messageModal('Nothing changed', text) });
    await guarded(deps, 'invite', tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const ctx: CommandContext = { ...deps, directory: deps.directory.forTeam(teamId), teamId, caller };
      countCommand(deps, 'invite', await openInviteModal(ctx, client, body.trigger_id, tell));
    });
  });
}
