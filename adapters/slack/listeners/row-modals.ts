import type { App, webApi } from '@slack/bolt';
import type { CoreError } from '../../../src/core/index.ts';
import { parseRow } from '../../shared/rows.ts';
import { describeAction, describeError } from '../../shared/wording.ts';
import { slackConfirmations, slackMessages } from '../messages.ts';
import {
  confirmationModal,
  messageModal,
  ROLE_SELECT_BLOCK,
  ROW_CONFIRM_CALLBACK_ID,
  ROW_ROLE_CALLBACK_ID,
  replyModal,
} from '../render/row-modals.ts';
import { withUndo } from '../render/term.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';

type Ack = (response?: { response_action: 'update'; view: webApi.View }) => Promise<void>;

function refused(error: CoreError): webApi.View {
  return messageModal('Nothing changed', describeError(slackMessages, error));
}

/** The modal becomes the next step or the outcome, in the acknowledgement itself (the core answers in milliseconds). */
function answering(ack: Ack) {
  let acked = false;
  const update = async (view: webApi.View) => {
    acked = true;
    await ack({ response_action: 'update', view });
  };
  const tell = async (text: string) => {
    if (!acked) await update(messageModal('Something went wrong', text));
  };
  return { update, tell };
}

/**
 * Submissions of the row modals: the role form asks for the confirmation; the confirmation runs the
 * stored action, whose id is all the modal carries. The core checks the clicker and the rules again.
 */
export function registerRowModals(app: App, deps: ListenerDeps): void {
  app.view(ROW_ROLE_CALLBACK_ID, async ({ ack, body, view }) => {
    const { update, tell } = answering(ack as Ack);
    await guarded(deps, 'row_role', tell, async () => {
      const row = parseRow(view.private_metadata);
      const role = view.state.values[ROLE_SELECT_BLOCK]?.[ROLE_SELECT_BLOCK]?.selected_option?.value ?? '';
      if (row === undefined) return update(refused({ code: 'row_not_found' }));
      const caller = await deps.directory.caller(body.team?.id ?? body.user.team_id ?? '', body.user.id);
      const pending = await deps.core.requestRowAction(caller, { row, action: 'role', role });
      countCommand(deps, 'row_role', pending.ok ? 'ok' : pending.error.code);
      await update(pending.ok ? confirmationModal(pending.value, deps.clock()) : refused(pending.error));
    });
  });

  app.view(ROW_CONFIRM_CALLBACK_ID, async ({ ack, body, view }) => {
    const { update, tell } = answering(ack as Ack);
    await guarded(deps, 'confirm', tell, async () => {
      const caller = await deps.directory.caller(body.team?.id ?? body.user.team_id ?? '', body.user.id);
      const result = await deps.core.confirm(caller, { actionId: view.private_metadata });
      countCommand(deps, 'confirm', result.ok ? 'ok' : result.error.code);
      if (!result.ok) return update(refused(result.error));
      const { done } = describeAction(slackConfirmations, result.value.action);
      // A removal keeps its Undo here as in a message (SPEC §12); the click updates this modal.
      const { undo } = result.value;
      await update(replyModal('Done', undo === undefined ? { text: done } : withUndo(done, undo, deps.clock())));
    });
  });
}
