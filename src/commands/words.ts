/** An argument where an email is expected: a plain word, or a Slack mention to resolve. */
export type EmailArg = { readonly email: string } | { readonly userId: string };

const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const MENTION = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i;
const CHANNEL = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i;

/**
 * Words split on spaces and commas, the one way every surface splits a list of emails (the
 * grammar, Discord's `emails` option, Slack's invite form); Slack's `<…|…>` tokens stay whole.
 */
export function splitWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => word.length > 0);
}

/** Slack sends emails as `<mailto:a@x|a@x>` and mentions as `<@U1|name>`; both stand for an email. */
export function emailArg(token: string): EmailArg {
  const mailto = MAILTO.exec(token);
  if (mailto?.[1]) return { email: mailto[1] };
  const mention = MENTION.exec(token);
  if (mention?.[1]) return { userId: mention[1] };
  return { email: token };
}

/** `<#C42|general>`, `#general` or a bare id: the channel's id. */
export function channelRef(token: string): string {
  return CHANNEL.exec(token)?.[1] ?? token.replace(/^#/, '');
}
