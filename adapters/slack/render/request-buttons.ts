import type { types } from '@slack/bolt';
import { encodeButton } from '../../shared/button-ids.ts';

/** Approve and Deny under a request in the owners' channel; the core refuses anyone but an owner. */
export function requestButtons(requestId: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: encodeButton({ kind: 'approve', requestId }),
        text: { type: 'plain_text', text: 'Approve' },
        style: 'primary',
      },
      {
        type: 'button',
        action_id: encodeButton({ kind: 'deny', requestId }),
        text: { type: 'plain_text', text: 'Deny' },
        style: 'danger',
      },
    ],
  };
}

/** Under a refusal the caller may turn into a request (SPEC §12): the id is the stored offer's. */
export function askButton(offerId: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: encodeButton({ kind: 'ask', requestId: offerId }),
        text: { type: 'plain_text', text: 'Ask an owner' },
        style: 'primary',
      },
    ],
  };
}
