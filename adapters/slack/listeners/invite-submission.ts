import type { App, webApi } from '@slack/bolt';
import { emailArg, splitWords } from '../../../src/commands/words.ts';
import { type CoreError, parseEmailList, type Result, roleToGrant } from '../../../src/core/index.ts';
import { describeError } from '../../shared/wording.ts';
import type { CommandContext } from '../commands/context.ts';
import { decodeEntities } from '../commands/entities.ts';
import { inviteFromSlack } from '../commands/invite.ts';
import { membersResolver } from '../commands/resolve-mentions.ts';
import { slackMessages } from '../messages.ts';
import {
  EMAILS_BLOCK,
  INVITE_MODAL_CALLBACK_ID,
  inviteDoneModal,
  inviteFailedModal,
  invitingModal,
  ROLE_BLOCK,
} from '../render/invite-modal.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';

const ROLE_ERRORS = new Set<CoreError['code']>(['role_not_grantable', 'invalid_role']);

/** Modal error text is plain: Slack shows it under the field, without mrkdwn. */
function plainText(text: string): string {
  return decodeEntities(text.replace(/[*`]/g, ''));
}

function fieldErrors(error: CoreError): Record<string, string> {
  return { [ROLE_ERRORS.has(error.code) ? ROLE_BLOCK : EMAILS_BLOCK]: plainText(describeError(slackMessages, error)) };
}

type Checked = { ok: true; emails: readonly string[] } | { ok: false; errors: Record<string, string> };

/**
 * What can be refused before any lookup, by the core's own rules: membership, mentions, the
 * addresses, the role. The core checks it all again when it invites.
 */
async function check(ctx: CommandContext, text: string, role: string): Promise<Checked> {
  const args = splitWords(text).map((word) => emailArg(word, decodeEntities));
  const resolver = await membersResolver(ctx, args);
  if (!resolver.ok) return { ok: false, errors: { [EMAILS_BLOCK]: plainText(resolver.text) } };
  const emails = await resolver.resolve(args);
  const me = await ctx.core.whoAmI(ctx.caller);
  const checks: Result<unknown>[] = [parseEmailList(emails), ...(me.ok ? [roleToGrant(role, me.value.role)] : [me])];
  for (const result of checks) if (!result.ok) return { ok: false, errors: fieldErrors(result.error) };
  return { ok: true, emails };
}

/**
 * A submission is answered within Slack's 3 seconds whatever the batch: refusals found without
 * lookups go next to their field; otherwise the modal turns into "Inviting…" at once, and the
 * lookups and the invite run after, the outcome replacing it (views.update).
 */
export function registerInviteSubmission(app: App, deps: ListenerDeps): void {
  app.view(INVITE_MODAL_CALLBACK_ID, async ({ ack, body, view, client }) => {
    let acked = false;
    const tell = async (text: string) => {
      if (!acked) await ack({ response_action: 'errors', errors: { [EMAILS_BLOCK]: plainText(text) } });
      else await update(client, view.id, inviteFailedModal(text));
    };
    await guarded(deps, 'invite', tell, async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const caller = await deps.directory.caller(teamId, body.user.id);
      const ctx: CommandContext = { ...deps, directory: deps.directory.forTeam(teamId), teamId, caller };
      const values = view.state.values;
      const role = values[ROLE_BLOCK]?.[ROLE_BLOCK]?.selected_option?.value ?? 'member';
      const checked = await check(ctx, values[EMAILS_BLOCK]?.[EMAILS_BLOCK]?.value ?? '', role);
      acked = true;
      if (!checked.ok) {
        countCommand(deps, 'invite', 'refused');
        await ack({ response_action: 'errors', errors: checked.errors });
        return;
      }
      await ack({ response_action: 'update', view: invitingModal(checked.emails.length) });
      const result = await inviteFromSlack(ctx, { emails: checked.emails, role });
      countCommand(deps, 'invite', result.ok ? 'ok' : result.error.code);
      const done = result.ok
        ? inviteDoneModal(result.value, deps.clock())
        : inviteFailedModal(describeError(slackMessages, result.error));
      await update(client, view.id, done);
    });
  });
}

function update(client: webApi.WebClient, viewId: string, view: webApi.View): Promise<unknown> {
  return client.views.update({ view_id: viewId, view });
}
