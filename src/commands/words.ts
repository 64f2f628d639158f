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

/** How a surface turns a typed word back into what the person typed (Slack: its three entities). */
export type Decode = (text: string) => string;

const asTyped: Decode = (text) => text;

/**
 * Slack sends emails as `<mailto:a@x|a@x>` and mentions as `<@U1|name>`; both stand for an email.
 * Only Slack writes a raw `<`: what people type arrives entity-encoded, so `decode` runs on plain words only.
 */
export function emailArg(token: string, decode: Decode = asTyped): EmailArg {
  const mailto = MAILTO.exec(token);
  if (mailto?.[1]) return { email: decode(mailto[1]) };
  const mention = MENTION.exec(token);
  if (mention?.[1]) return { userId: mention[1] };
  return { email: decode(token) };
}

/**
 * A channel reference: Slack's `<#C42|general>` token, or `#name` where channels are named as typed
 * (the console, `linksOnly` false). A bare word is not a channel: `channel general` gets the usage.
 */
export function channelRef(token: string, linksOnly = false): string | undefined {
  const linked = CHANNEL.exec(token)?.[1];
  if (linked !== undefined || linksOnly) return linked;
  return /^#[\w.-]+$/.test(token) ? token.slice(1) : undefined;
}
