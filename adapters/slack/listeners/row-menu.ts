import type { App, BlockAction, webApi } from '@slack/bolt';
import type { Caller, CoreError, Result } from '../../../src/core/index.ts';
import { parseChoice, ROW_MENU_PATTERN, type RowChoice } from '../../shared/rows.ts';
import { describeError } from '../../shared/wording.ts';
import type { HomePublisher } from '../home/publisher.ts';
import { slackMessages } from '../messages.ts';
import { acceptedReply, declinedReply, resendReply } from '../render/invite-result.ts';
import { confirmationModal, messageModal, roleModal } from '../render/row-modals.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/** The entry picked: an overflow menu's selected option, or a single-action button's value. */
function choiceOf(action: BlockAction['actions'][number]): RowChoice | undefined {
  if (action.type === 'overflow') return parseChoice(action.selected_option.value);
  if (action.type === 'button') return parseChoice(action.value ?? '');
  return undefined;
}

function refused(error: CoreError): webApi.View {
  return messageModal('Nothing changed', describeError(slackMessages, error));
}

/** A refusal or an outcome, worded for a modal. */
function done<T>(result: Result<T>, title: string, word: (value: T) => string): webApi.View {
  return result.ok ? messageModal(title, word(result.value)) : refused(result.error);
}

/** One core call per menu entry; what it opens is a modal, from the Home and from a list alike. */
async function viewFor(deps: ListenerDeps, caller: Caller, choice: RowChoice): Promise<[string, webApi.View]> {
  const { core, clock } = deps;
  switch (choice.action) {
    case 'accept': {
      const result = await core.accept(caller, { invitationId: choice.row.invitationId });
      return [outcomeOf(result), done(result, 'Welcome', (v) => acceptedReply(v).text)];
    }
    case 'decline': {
      const result = await core.decline(caller, { invitationId: choice.row.invitationId });
      return [outcomeOf(result), done(result, 'Declined', (v) => declinedReply(v).text)];
    }
    case 'resend': {
      const result = await core.resendRow(caller, { row: choice.row });
      return [outcomeOf(result), done(result, 'Invitation resent', (v) => resendReply(v, clock()).text)];
    }
    case 'role': {
      const row = await core.describeRow(caller, { row: choice.row });
      if (!row.ok) return [row.error.code, refused(row.error)];
      // The form is offered only to whoever may change this row's role; the core checks it again on submit.
      if (!row.value.actions.includes('role'))
        return ['row_action_not_allowed', refused({ code: 'row_action_not_allowed' })];
      return ['form', roleModal(row.value)];
    }
    default: {
      const pending = await core.requestRowAction(caller, { row: choice.row, action: choice.action });
      return pending.ok
        ? ['ok', confirmationModal(pending.value, clock())]
        : [pending.error.code, refused(pending.error)];
    }
  }
}

function outcomeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

/**
 * A row menu, on the Home or on a `/members list` reply: the answer is a modal either way (a Home
 * has no channel to answer in), opened with the click's trigger id.
 */
export function registerRowMenu(app: App, deps: ListenerDeps, home: HomePublisher): void {
  app.action<BlockAction>(ROW_MENU_PATTERN, async ({ ack, body, action, client }) => {
    await ack();
    await yieldAfterAck();
    const choice = choiceOf(action);
    const open = (view: webApi.View) => client.views.open({ trigger_id: body.trigger_id, view });
    const label = `row_${choice?.action ?? 'unknown'}`;
    await guarded(
      deps,
      label,
      (text) => open(messageModal('Something went wrong', text)),
      async () => {
        if (choice === undefined) {
          countCommand(deps, label, 'row_not_found');
          await open(refused({ code: 'row_not_found' }));
          return;
        }
        const teamId = body.team?.id ?? body.user.team_id ?? '';
        const caller = await deps.directory.caller(teamId, body.user.id);
        const [outcome, view] = await viewFor(deps, caller, choice);
        countCommand(deps, label, outcome);
        await open(view);
        // A stranger's Home shows no organization, so no change republishes it: answering refreshes it here.
        const fromHome = body.container?.type === 'view';
        if (fromHome && outcome === 'ok' && (choice.action === 'accept' || choice.action === 'decline'))
          await home.show(teamId, body.user.id);
      },
    );
  });
}
