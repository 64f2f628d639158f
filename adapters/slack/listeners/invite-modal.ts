import type { App, webApi } from '@slack/bolt';
import { emailArg, splitWords } from '../../../src/commands/words.ts';
import { type CoreError, grantableRoles } from '../../../src/core/index.ts';
import { describeError } from '../../shared/wording.ts';
import type { CommandContext } from '../commands/context.ts';
import { inviteFromSlack } from '../commands/invite.ts';
import { slackMessages } from '../messages.ts';
import {
  EMAILS_BLOCK,
  INVITE_MODAL_CALLBACK_ID,
  inviteDoneModal,
  inviteModal,
  ROLE_BLOCK,
} from '../render/invite-modal.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';

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

const ROLE_ERRORS = new Set<CoreError['code']>(['role_not_grantable', 'invalid_role']);

/** Modal error text is plain: Slack shows it under the field, without mrkdwn. */
function fieldErrors(error: CoreError): Record<string, string> {
  const text = describeError(slackMessages, error).replace(/[*`]/g, '');
  return { [ROLE_ERRORS.has(error.code) ? ROLE_BLOCK : EMAILS_BLOCK]: text };
}

/**
 * The submission runs the invite before acknowledging, so any refusal is shown next to its field
 * (`response_action: errors`) and nothing is invited; on success the modal shows the outcome.
 */
export function registerInviteModal(app: App, deps: ListenerDeps): void {
  app.view(INVITE_MODAL_CALLBACK_ID, async ({ ack, body, view }) => {
    let acked = false;
    const tell = async (text: string) => {
      if (!acked) await ack({ response_action: 'errors', errors: { [EMAILS_BLOCK]: text } });
    };
    await guarded(deps, 'invite', tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const values = view.state.values;
      const text = values[EMAILS_BLOCK]?.[EMAILS_BLOCK]?.value ?? '';
      const role = values[ROLE_BLOCK]?.[ROLE_BLOCK]?.selected_option?.value ?? 'member';
      // The field is read as `/members invite` reads its words: mentions and mailto links included.
      const emails = await deps.directory.emails(teamId, splitWords(text).map(emailArg));
      const directory = deps.directory.forTeam(teamId);
      const result = await inviteFromSlack({ ...deps, directory, teamId, caller }, emails, role);
      countCommand(deps, 'invite', result.ok ? 'ok' : result.error.code);
      acked = true;
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: fieldErrors(result.error) });
        return;
      }
      await ack({ response_action: 'update', view: inviteDoneModal(result.value, deps.clock()) });
    });
  });
}
