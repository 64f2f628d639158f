import type { App, BlockAction } from '@slack/bolt';
import { TRANSFER_PICKER_ID } from '../../shared/transfer-picker.ts';
import { describeError } from '../../shared/wording.ts';
import { slackMessages } from '../messages.ts';
import { confirmationReply } from '../render/confirmation.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/** The only owner picked who takes over: the picker becomes the transfer's confirmation (SPEC §3, §12). */
export function registerTransferPicker(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(TRANSFER_PICKER_ID, async ({ ack, body, action, respond }) => {
    await ack();
    await yieldAfterAck();
    if (action.type !== 'static_select') return;
    const tell = (text: string) => respond({ replace_original: false, response_type: 'ephemeral', text });
    await guarded(deps, 'transfer', tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const pending = await deps.core.requestTransfer(caller, { email: action.selected_option.value });
      countCommand(deps, 'transfer', pending.ok ? 'ok' : pending.error.code);
      if (!pending.ok) return void (await tell(describeError(slackMessages, pending.error)));
      const reply = confirmationReply(pending.value, deps.clock());
      await respond({
        replace_original: true,
        response_type: 'ephemeral',
        text: reply.text,
        blocks: reply.blocks ?? [],
      });
    });
  });
}
