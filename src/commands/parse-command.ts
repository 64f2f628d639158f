import { parseRole } from '../core/index.ts';

/** An argument where an email is expected: a plain word, or a Slack mention to resolve. */
export type EmailArg = { readonly email: string } | { readonly userId: string };

export const COMMAND_NAMES = [
  'invite',
  'list',
  'revoke',
  'resend',
  'role',
  'remove',
  'leave',
  'accept',
  'decline',
  'activity',
  'setup',
  'channel',
  'help',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type ParsedCommand =
  | { name: 'invite'; emails: readonly EmailArg[]; role?: string }
  | { name: 'list'; what: 'all' | 'members' | 'pending' }
  | { name: 'revoke' | 'resend' | 'remove'; email: EmailArg }
  | { name: 'role'; email: EmailArg; role: string }
  | { name: 'leave' }
  | { name: 'accept' | 'decline'; code?: string }
  | { name: 'activity'; page?: string }
  | { name: 'setup'; orgName: string }
  | { name: 'channel'; channelId: string }
  | { name: 'help' }
  /** A known command with missing or extra words: answer with that command's usage. */
  | { name: 'usage'; command: CommandName }
  /** An unknown first word: answer with the help text. */
  | { name: 'unknown'; word: string };

const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const MENTION = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i;
const CHANNEL = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i;

function emailArg(token: string): EmailArg {
  const mailto = MAILTO.exec(token);
  if (mailto?.[1]) return { email: mailto[1] };
  const mention = MENTION.exec(token);
  if (mention?.[1]) return { userId: mention[1] };
  return { email: token };
}

function channelId(token: string): string {
  return CHANNEL.exec(token)?.[1] ?? token.replace(/^#/, '');
}

/** Words split on spaces and commas; Slack's `<…|…>` tokens stay whole. */
function tokenize(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => word.length > 0);
}

function parseInvite(args: string[]): ParsedCommand {
  let role: string | undefined;
  const last = args.at(-1);
  if (args.length >= 2 && args.at(-2)?.toLowerCase() === 'as' && last !== undefined) {
    role = last;
    args = args.slice(0, -2);
  } else if (last !== undefined && parseRole(last) !== undefined) {
    role = last;
    args = args.slice(0, -1);
  }
  const emails = args.map(emailArg);
  return role === undefined ? { name: 'invite', emails } : { name: 'invite', emails, role };
}

function parseList(args: string[]): ParsedCommand {
  const what = args[0]?.toLowerCase();
  if (args.length === 0) return { name: 'list', what: 'all' };
  if (args.length === 1 && (what === 'members' || what === 'pending')) return { name: 'list', what };
  return { name: 'usage', command: 'list' };
}

function optional<T extends 'accept' | 'decline' | 'activity'>(name: T, args: string[]): ParsedCommand {
  if (args.length > 1) return { name: 'usage', command: name };
  const word = args[0];
  if (name === 'activity') return word === undefined ? { name } : { name, page: word };
  return word === undefined ? { name } : { name, code: word };
}

/** Parses the text after `/members` (SPEC §5). Never throws. */
export function parseCommand(text: string): ParsedCommand {
  const [first, ...args] = tokenize(text);
  const name = first?.toLowerCase();
  switch (name) {
    case undefined:
    case 'help':
      return { name: 'help' };
    case 'invite':
      return parseInvite(args);
    case 'list':
      return parseList(args);
    case 'revoke':
    case 'resend':
    case 'remove': {
      const [email, ...rest] = args;
      return email === undefined || rest.length > 0
        ? { name: 'usage', command: name }
        : { name, email: emailArg(email) };
    }
    case 'role': {
      const [email, role, ...rest] = args;
      if (email === undefined || role === undefined || rest.length > 0) return { name: 'usage', command: 'role' };
      return { name: 'role', email: emailArg(email), role };
    }
    case 'leave':
      return args.length === 0 ? { name: 'leave' } : { name: 'usage', command: 'leave' };
    case 'accept':
    case 'decline':
    case 'activity':
      return optional(name, args);
    case 'setup': {
      const orgName = text
        .trim()
        .slice(first?.length ?? 0)
        .trim();
      return orgName.length === 0 ? { name: 'usage', command: 'setup' } : { name: 'setup', orgName };
    }
    case 'channel': {
      const [channel, ...rest] = args;
      return channel === undefined || rest.length > 0
        ? { name: 'usage', command: 'channel' }
        : { name: 'channel', channelId: channelId(channel) };
    }
    default:
      return { name: 'unknown', word: first ?? '' };
  }
}
