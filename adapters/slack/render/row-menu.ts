import type { types } from '@slack/bolt';
import type { RowAction, RowRef } from '../../../src/core/index.ts';
import {
  encodeChoice,
  encodePage,
  type PageTarget,
  ROW_ACTION_LABELS,
  ROW_MENU_ID,
  type RowChoice,
} from '../../shared/rows.ts';

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

/** A button that carries one row choice; its action id is unique within any block it shares. */
export function choiceButton(choice: RowChoice, style?: 'primary' | 'danger'): types.Button {
  const value = encodeChoice(choice);
  return {
    type: 'button',
    action_id: `${ROW_MENU_ID}:${value}`,
    text: plain(ROW_ACTION_LABELS[choice.action]),
    value,
    ...(style === undefined ? {} : { style }),
  };
}

/**
 * What a row offers, as its section's accessory: nothing, one button, or an overflow menu (Slack's
 * overflow takes 2 to 5 options; a row offers at most two of the five actions).
 */
export function rowAccessory(row: RowRef, actions: readonly RowAction[]): types.Button | types.Overflow | undefined {
  const choices = actions.map((action) => ({ action, row }));
  const [only] = choices;
  if (only === undefined) return undefined;
  if (choices.length === 1) return choiceButton(only);
  return {
    type: 'overflow',
    action_id: ROW_MENU_ID,
    options: choices.slice(0, 5).map((choice) => ({
      text: plain(ROW_ACTION_LABELS[choice.action]),
      value: encodeChoice(choice),
    })),
  };
}

/** A section showing one row, with its menu when the viewer may do something to it. */
export function rowSection(markdown: string, row: RowRef, actions: readonly RowAction[]): types.SectionBlock {
  const accessory = rowAccessory(row, actions);
  return { type: 'section', text: { type: 'mrkdwn', text: markdown }, ...(accessory ? { accessory } : {}) };
}

/** Previous / Next, each only where there is a page to go to; undefined on a single page. */
export function pager(target: Omit<PageTarget, 'page'>, page: number, pages: number): types.ActionsBlock | undefined {
  const buttons: types.Button[] = [];
  if (page > 1)
    buttons.push({ type: 'button', action_id: encodePage({ ...target, page: page - 1 }), text: plain('Previous') });
  if (page < pages)
    buttons.push({ type: 'button', action_id: encodePage({ ...target, page: page + 1 }), text: plain('Next') });
  return buttons.length === 0 ? undefined : { type: 'actions', elements: buttons };
}
