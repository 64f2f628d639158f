/**
 * Block Kit's published size limits, checked the way Slack checks them: every violation is named
 * with a JSON pointer, as Slack's `response_metadata.messages` do
 * (`[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`).
 *
 * Sources (Slack developer docs, docs.slack.dev, formerly api.slack.com):
 * - Blocks reference, https://docs.slack.dev/reference/block-kit/blocks: section `text` 3,000,
 *   `fields` 10 items of 2,000; header text 150; context 10 elements; actions 25 elements;
 *   input `label` 2,000, `hint` 2,000; `block_id` 255.
 * - Block elements reference, https://docs.slack.dev/reference/block-kit/block-elements: button
 *   `text` 75, `action_id` 255, `value` 2,000, `url` 3,000; overflow 2–5 options; static select
 *   100 options; plain-text input `placeholder` 150.
 * - Composition objects, https://docs.slack.dev/reference/block-kit/composition-objects: confirm
 *   `title` 100, `text` 300, `confirm` / `deny` 30; option `text` 75, `value` 150.
 * - Messages, https://docs.slack.dev/messaging/#blocks: up to 50 blocks a message; views,
 *   https://docs.slack.dev/surfaces/modals: up to 100 blocks a modal or Home tab, `title` /
 *   `submit` / `close` 24, `private_metadata` 3,000, `callback_id` 255.
 */

/** The names a test can opt out of, one per kind of limit (see FakeSlack.allowOversized). */
export type SlackCheck = 'blocks' | 'section' | 'text' | 'confirm' | 'button' | 'view' | 'rate' | 'response_url';

export interface LimitError {
  readonly check: SlackCheck;
  readonly message: string;
  readonly pointer: string;
}

export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 4_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2_000,
  url: 3_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  overflowMinOptions: 2,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2_000,
  viewTitle: 24,
  privateMetadata: 3_000,
  callbackId: 255,
} as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A text object's characters (`{type, text}`) or a plain string's. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isObject(value) && typeof value.text === 'string' ? value.text : undefined;

class Collector {
  readonly errors: LimitError[] = [];

  /** Slack's wording: "must be less than N+1 characters". */
  length(check: SlackCheck, value: unknown, max: number, pointer: string): void {
    const text = textOf(value);
    if (text !== undefined && text.length > max) {
      this.errors.push({ check, pointer, message: `must be less than ${max + 1} characters` });
    }
  }

  items(check: SlackCheck, value: unknown, max: number, pointer: string): void {
    if (list(value).length > max) this.errors.push({ check, pointer, message: `no more than ${max} items allowed` });
  }

  atLeast(check: SlackCheck, value: unknown, min: number, pointer: string): void {
    if (list(value).length < min) this.errors.push({ check, pointer, message: `must provide at least ${min} items` });
  }
}

function checkConfirm(c: Collector, confirm: unknown, at: string): void {
  if (!isObject(confirm)) return;
  c.length('confirm', confirm.title, SLACK_LIMITS.confirmTitle, `${at}/title/text`);
  c.length('confirm', confirm.text, SLACK_LIMITS.confirmText, `${at}/text/text`);
  c.length('confirm', confirm.confirm, SLACK_LIMITS.confirmButton, `${at}/confirm/text`);
  c.length('confirm', confirm.deny, SLACK_LIMITS.confirmButton, `${at}/deny/text`);
}

function checkOptions(c: Collector, options: unknown, max: number, at: string): void {
  c.items('button', options, max, at);
  list(options).forEach((option, i) => {
    if (!isObject(option)) return;
    c.length('button', option.text, SLACK_LIMITS.optionText, `${at}/${i}/text/text`);
    c.length('button', option.value, SLACK_LIMITS.optionValue, `${at}/${i}/value`);
  });
}

function checkElement(c: Collector, element: unknown, at: string): void {
  if (!isObject(element)) return;
  c.length('button', element.action_id, SLACK_LIMITS.actionId, `${at}/action_id`);
  checkConfirm(c, element.confirm, `${at}/confirm`);
  if (element.type === 'button') {
    c.length('button', element.text, SLACK_LIMITS.buttonText, `${at}/text/text`);
    c.length('button', element.value, SLACK_LIMITS.buttonValue, `${at}/value`);
    c.length('button', element.url, SLACK_LIMITS.url, `${at}/url`);
  }
  if (element.type === 'overflow') {
    checkOptions(c, element.options, SLACK_LIMITS.overflowOptions, `${at}/options`);
    c.atLeast('button', element.options, SLACK_LIMITS.overflowMinOptions, `${at}/options`);
  }
  if (element.type === 'static_select') checkOptions(c, element.options, SLACK_LIMITS.selectOptions, `${at}/options`);
  c.length('view', element.placeholder, SLACK_LIMITS.placeholder, `${at}/placeholder/text`);
}

function checkBlock(c: Collector, block: unknown, at: string): void {
  if (!isObject(block)) return;
  c.length('blocks', block.block_id, SLACK_LIMITS.blockId, `${at}/block_id`);
  switch (block.type) {
    case 'section':
      c.length('section', block.text, SLACK_LIMITS.sectionText, `${at}/text/text`);
      c.items('section', block.fields, SLACK_LIMITS.sectionFields, `${at}/fields`);
      list(block.fields).forEach((field, i) => {
        c.length('section', field, SLACK_LIMITS.fieldText, `${at}/fields/${i}/text`);
      });
      checkElement(c, block.accessory, `${at}/accessory`);
      break;
    case 'header':
      c.length('section', block.text, SLACK_LIMITS.headerText, `${at}/text/text`);
      break;
    case 'context':
      c.items('section', block.elements, SLACK_LIMITS.contextElements, `${at}/elements`);
      list(block.elements).forEach((element, i) => {
        c.length('section', element, SLACK_LIMITS.sectionText, `${at}/elements/${i}/text`);
      });
      break;
    case 'actions':
      c.items('button', block.elements, SLACK_LIMITS.actionsElements, `${at}/elements`);
      list(block.elements).forEach((element, i) => {
        checkElement(c, element, `${at}/elements/${i}`);
      });
      break;
    case 'input':
      c.length('view', block.label, SLACK_LIMITS.inputLabel, `${at}/label/text`);
      c.length('view', block.hint, SLACK_LIMITS.inputLabel, `${at}/hint/text`);
      checkElement(c, block.element, `${at}/element`);
      break;
  }
}

/** Every limit the blocks break; `at` is the pointer of the array (`/blocks`, `/view/blocks`). */
export function blockErrors(blocks: unknown, maxBlocks: number, at: string): LimitError[] {
  const c = new Collector();
  c.items('blocks', blocks, maxBlocks, at);
  list(blocks).forEach((block, i) => {
    checkBlock(c, block, `${at}/${i}`);
  });
  return c.errors;
}

/** A modal or Home tab: its own fields, then its blocks. */
export function viewErrors(view: unknown, at: string): LimitError[] {
  if (!isObject(view)) return [];
  const c = new Collector();
  for (const field of ['title', 'submit', 'close'] as const) {
    c.length('view', view[field], SLACK_LIMITS.viewTitle, `${at}/${field}/text`);
  }
  c.length('view', view.private_metadata, SLACK_LIMITS.privateMetadata, `${at}/private_metadata`);
  c.length('view', view.callback_id, SLACK_LIMITS.callbackId, `${at}/callback_id`);
  return [...c.errors, ...blockErrors(view.blocks, SLACK_LIMITS.viewBlocks, `${at}/blocks`)];
}
