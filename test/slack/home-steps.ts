import {
  appHomeOpenedEvent,
  type ClickSurface,
  elementActionForm,
  viewSubmissionForm,
} from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint, signedHeaders } from '../support/fake-slack-signer.ts';
import type { SlackHarness } from './harness.ts';

/** The blocks of a published Home or an opened modal, loosely typed as the tests read them. */
export interface Block {
  readonly type: string;
  readonly text?: { readonly text?: string };
  readonly accessory?: Element;
  readonly elements?: readonly Element[];
}
interface Element {
  readonly type: string;
  readonly action_id?: string;
  readonly value?: string;
  /** A button's text object, or a context element's own mrkdwn string. */
  readonly text?: { readonly text?: string } | string;
  readonly options?: readonly { readonly value: string; readonly text: { readonly text: string } }[];
}
export interface View {
  readonly type: string;
  readonly callback_id?: string;
  readonly private_metadata?: string;
  readonly submit?: { readonly text: string };
  readonly title?: { readonly text: string };
  readonly blocks: readonly Block[];
}

/** Everything a view shows, as one string: what a person reads. */
export function shown(view: View): string {
  return view.blocks
    .flatMap((b) => [
      b.text?.text ?? '',
      ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))),
    ])
    .join('\n');
}

/** Each row's menu: the row's email (its bold first words) → the choices its menu or button offers. */
export function menus(view: { blocks: readonly Block[] }): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const block of view.blocks) {
    const email = /^\*([^*]+@[^*]+)\*/.exec(block.text?.text ?? '')?.[1];
    if (email === undefined) continue;
    const accessory = block.accessory;
    const values = accessory?.options?.map((o) => o.value) ?? (accessory?.value === undefined ? [] : [accessory.value]);
    rows.set(email, values);
  }
  return rows;
}

/** The choice of a row whose value starts with `action:`. */
export function choice(view: { blocks: readonly Block[] }, email: string, action: string): string {
  const found = menus(view)
    .get(email)
    ?.find((value) => value.startsWith(`${action}:`) || value.startsWith(`${action}.`));
  if (found === undefined) throw new Error(`no ${action} for ${email}: ${JSON.stringify([...menus(view)])}`);
  return found;
}

function published(slack: SlackHarness, userId: string): View[] {
  return slack.fake
    .callsTo('views.publish')
    .filter((body) => body.user_id === userId)
    .map((body) => body.view as View);
}

/** The next Home published to this user after `seen` earlier ones. */
export async function nextHome(slack: SlackHarness, userId: string, seen: number): Promise<View> {
  await slack.fake.waitFor(() => published(slack, userId).length > seen);
  const view = published(slack, userId)[seen];
  if (!view) throw new Error('no Home published');
  return view;
}

export function homesOf(slack: SlackHarness, userId: string): number {
  return published(slack, userId).length;
}

/** The user opens the Home tab: Slack posts `app_home_opened`, the app publishes their Home. */
export async function openHome(slack: SlackHarness, userId: string): Promise<View> {
  const seen = homesOf(slack, userId);
  const body = JSON.stringify(appHomeOpenedEvent(userId));
  const response = await fetch(slack.eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(body) },
    body,
  });
  if (response.status !== 200) throw new Error(`the event was refused: ${response.status}`);
  return nextHome(slack, userId, seen);
}

/** Picks a menu entry (an overflow option, or a single action's button), and returns the modal it opens. */
export async function pick(
  slack: SlackHarness,
  userId: string,
  value: string,
  surface: ClickSurface = { home: true },
  element: 'overflow' | 'button' = 'overflow',
): Promise<View> {
  const before = slack.fake.callsTo('views.open').length;
  const form = elementActionForm(
    userId,
    element === 'overflow'
      ? { type: 'overflow', action_id: 'rollcall:row', value }
      : { type: 'button', action_id: `rollcall:row:${value}`, value },
    surface,
  );
  const http = await postToSlackEndpoint(slack.eventsUrl, form);
  if (http.status !== 200) throw new Error(`the click was refused: ${http.status}`);
  await slack.fake.waitFor(() => slack.fake.callsTo('views.open').length > before);
  const opened = slack.fake.callsTo('views.open')[before];
  return opened?.view as View;
}

/** Submits a modal the app opened, with these input values; returns the view the acknowledgement puts in its place. */
export async function submit(
  slack: SlackHarness,
  userId: string,
  view: View,
  values: Record<string, Record<string, unknown>> = {},
): Promise<View> {
  const form = viewSubmissionForm(userId, {
    callback_id: view.callback_id ?? '',
    private_metadata: view.private_metadata ?? '',
    values,
  });
  const http = await postToSlackEndpoint(slack.eventsUrl, form);
  const ack = JSON.parse(http.text) as { response_action: string; view: View };
  if (ack.response_action !== 'update') throw new Error(`unexpected acknowledgement: ${http.text}`);
  return ack.view;
}

/** A click on a Home's or list's Previous/Next button. */
export async function page(slack: SlackHarness, userId: string, actionId: string, surface: ClickSurface) {
  return postToSlackEndpoint(
    slack.eventsUrl,
    elementActionForm(userId, { type: 'button', action_id: actionId }, surface),
  );
}
