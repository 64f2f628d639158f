import type { webApi } from '@slack/bolt';
import { grantableRoles } from '../../../src/core/index.ts';
import { describeError } from '../../shared/wording.ts';
import type { CommandContext } from '../commands/context.ts';
import { slackMessages } from '../messages.ts';
import { inviteModal } from '../render/invite-modal.ts';

/** `/members invite` alone: the form, offering only the roles this caller may grant. Returns the metric outcome. */
export async function openInviteModal(
  ctx: CommandContext,
  client: webApi.WebClient,
  triggerId: string,
  tell: (text: string) => Promise<unknown>,
): Promise<string> {
  const me = await ctx.core.whoAmI(ctx.caller);
  if (!me.ok) {
    await tell(describeError(slackMessages, me.error));
    return me.error.code;
  }
  await client.views.open({
    trigger_id: triggerId,
    view: inviteModal(me.value.orgName, grantableRoles(me.value.role)),
  });
  return 'modal';
}
