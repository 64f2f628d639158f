import type { FakeReply } from './fake-slack.ts';
import { blockErrors, type LimitError, SLACK_LIMITS, type SlackCheck, viewErrors } from './slack-block-limits.ts';
import { SlackRates } from './slack-rate-limits.ts';

export type { SlackCheck } from './slack-block-limits.ts';

/** A payload the fake refused, kept so a test fails even when the app swallows Slack's error. */
export interface SlackRefusal {
  readonly method: string;
  readonly error: string;
  readonly messages: readonly string[];
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.publish', 'views.push']);

/** Slack's own wording of a violation in `response_metadata.messages`. */
const say = (e: LimitError): string => `[ERROR] ${e.message} [json-pointer:${e.pointer}]`;

/**
 * What real Slack refuses, answered as real Slack answers it. On by default; a test that shows a
 * known adapter bug opts out of exactly one check with `allow`, and says why.
 */
export class SlackLimits {
  /** The fake's clock for rate windows and response_url lifetimes; tests may replace it. */
  now: () => number = Date.now;
  readonly refusals: SlackRefusal[] = [];
  readonly #allowed = new Set<SlackCheck>();
  readonly #rates = new SlackRates(() => this.now());

  allow(...checks: SlackCheck[]): void {
    for (const check of checks) this.#allowed.add(check);
  }

  /** The refusals so far, forgotten: for tests whose point is a refusal. */
  takeRefusals(): SlackRefusal[] {
    return this.refusals.splice(0);
  }

  /** Throws when Slack refused anything the test did not take: called when the fake closes. */
  assertNoRefusals(): void {
    if (this.refusals.length === 0) return;
    const lines = this.refusals.map((r) => `${r.method}: ${r.error} ${r.messages.join(' ')}`);
    throw new Error(`Slack would have refused ${this.refusals.length} payload(s):\n${lines.join('\n')}`);
  }

  /** Slack's answer when it refuses this call, or undefined to let the fake answer normally. */
  check(method: string, body: Record<string, unknown>): FakeReply | undefined {
    if (method.startsWith('response:')) return this.#responseUrl(method.slice('response:'.length), body);
    const wait = this.#allowed.has('rate') ? undefined : this.#rates.overTier(method, body);
    if (wait !== undefined) {
      return this.#refuse(method, 'ratelimited', [], 429, { 'retry-after': String(wait) });
    }
    if (MESSAGE_METHODS.has(method)) return this.#message(method, body, 200);
    const misdirected = viewTargetError(method, body);
    if (misdirected) return this.#refuse(method, misdirected, [], 200);
    if (VIEW_METHODS.has(method)) {
      const errors = this.#kept(viewErrors(body.view, '/view'));
      if (errors.length > 0) return this.#refuse(method, 'invalid_arguments', errors.map(say), 200);
    }
    return undefined;
  }

  #responseUrl(id: string, body: Record<string, unknown>): FakeReply | undefined {
    const used = this.#allowed.has('response_url') ? undefined : this.#rates.responseUrlRefusal(id);
    if (used) return this.#refuse(`response:${id}`, used, [], 404);
    return this.#message(`response:${id}`, body, 400);
  }

  /** chat.* answers 200 with ok:false; a response_url answers 400. */
  #message(method: string, body: Record<string, unknown>, status: number): FakeReply | undefined {
    if (!this.#allowed.has('text') && typeof body.text === 'string' && body.text.length > SLACK_LIMITS.messageText) {
      return this.#refuse(method, 'msg_too_long', [], status);
    }
    const errors = this.#kept(blockErrors(body.blocks, SLACK_LIMITS.messageBlocks, '/blocks'));
    if (errors.length === 0) return undefined;
    return this.#refuse(method, 'invalid_blocks', errors.map(say), status);
  }

  #kept(errors: LimitError[]): LimitError[] {
    return errors.filter((e) => !this.#allowed.has(e.check));
  }

  #refuse(
    method: string,
    error: string,
    messages: string[],
    status: number,
    headers: Record<string, string> = {},
  ): FakeReply {
    this.refusals.push({ method, error, messages });
    const details = messages.length === 0 ? {} : { errors: messages, response_metadata: { messages } };
    return { status, headers, body: { ok: false, error, ...details } };
  }
}

/**
 * What Slack answers a view call that names no one to show it to: views.open needs the click's
 * trigger_id (docs.slack.dev/reference/methods/views.open: `invalid_trigger_id`); views.publish a
 * user and a view of type `home` (docs.slack.dev/reference/methods/views.publish: `invalid_arguments`).
 */
function viewTargetError(method: string, body: Record<string, unknown>): string | undefined {
  if (method === 'views.open' && !body.trigger_id) return 'invalid_trigger_id';
  if (method !== 'views.publish') return undefined;
  const view = body.view as { type?: unknown } | undefined;
  return !body.user_id || view?.type !== 'home' ? 'invalid_arguments' : undefined;
}

/**
 * Errors Slack would show in a modal whose acknowledgement (`response_action: update | push`)
 * carries a view over the limits; the app never hears of them, so the stand-in must say them.
 */
export function viewAckErrors(responseText: string): string[] {
  if (!responseText.startsWith('{')) return [];
  const ack = JSON.parse(responseText) as Record<string, unknown>;
  if (ack.response_action !== 'update' && ack.response_action !== 'push') return [];
  return viewErrors(ack.view, '/view').map(say);
}

/** A slash command's acknowledgement carrying a message (its reply): the message's own limits, as Slack applies them. */
export function ackMessageErrors(responseText: string): string[] {
  const message = ackMessage(responseText);
  if (!message) return [];
  const tooLong = typeof message.text === 'string' && message.text.length > SLACK_LIMITS.messageText;
  return [
    ...(tooLong ? [`/text: longer than ${SLACK_LIMITS.messageText} characters`] : []),
    ...blockErrors(message.blocks, SLACK_LIMITS.messageBlocks, '/blocks').map(say),
  ];
}

/** The message an acknowledgement carries (Slack shows it to the user), or undefined for an empty or view one. */
export function ackMessage(responseText: string): Record<string, unknown> | undefined {
  if (!responseText.startsWith('{')) return undefined;
  const ack = JSON.parse(responseText) as Record<string, unknown>;
  if (ack.response_action !== undefined) return undefined;
  return ack.text !== undefined || ack.blocks !== undefined ? ack : undefined;
}
