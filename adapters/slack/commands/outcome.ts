import type { Result } from '../../../src/core/index.ts';
import { describeError } from '../../shared/wording.ts';
import { slackMessages } from '../messages.ts';
import type { SlackReply } from '../render/reply.ts';

/** A handled command: the metric label (`ok` or the error code) and what the user sees. */
export interface CommandResult {
  readonly outcome: string;
  readonly reply: SlackReply;
}

export function settle<T>(result: Result<T>, render: (value: T) => SlackReply): CommandResult {
  if (!result.ok) return { outcome: result.error.code, reply: { text: describeError(slackMessages, result.error) } };
  return { outcome: 'ok', reply: render(result.value) };
}
