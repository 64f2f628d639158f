import type { types } from '@slack/bolt';

/** A message Rollcall sends: fallback text for notifications and screen readers, plus optional blocks. */
export interface SlackReply {
  readonly text: string;
  readonly blocks?: types.KnownBlock[];
  /** Further messages of a reply too long for one (render/paged.ts), sent after it in order. */
  readonly continued?: readonly SlackReply[];
}

export function section(markdown: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown } };
}

export function context(markdown: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: markdown }] };
}

export function textReply(text: string): SlackReply {
  return { text };
}

/** Slack mrkdwn treats `&`, `<` and `>` as control characters; user-given text must escape them. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
