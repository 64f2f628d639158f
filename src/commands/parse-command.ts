import { parseRole } from '../core/index.ts';
import type { ArgSpec } from './args.ts';
import { COMMANDS, type CommandName, isCommandName, type ParsedArgs } from './table.ts';
import { channelRef, type Decode, emailArg, splitWords } from './words.ts';

/** How a surface's text differs from what was typed. */
export interface Surface {
  /** Undoes the surface's encoding of typed text, once (Slack's three entities). */
  readonly decode?: Decode;
  /** Only a platform's channel link names a channel (Slack's `<#C42|general>`). */
  readonly channelLinksOnly?: boolean;
}

export type { EmailArg } from './words.ts';

/** One command as the grammar read it; a mapped type, so `name` and its arguments stay correlated. */
export type CommandOf<N extends CommandName> = { [K in N]: { readonly name: K } & ParsedArgs<K> }[N];

export type ParsedCommand =
  | CommandOf<CommandName>
  /** A known command with missing or extra words: answer with that command's usage. */
  | { name: 'usage'; command: CommandName }
  /** An unknown first word: answer with the help text. */
  | { name: 'unknown'; word: string };

/** `<emails…> [as] [role]`: a trailing role, with or without `as`, is not an email. */
function splitTrailingRole(words: string[]): { rest: string[]; role?: string } {
  const last = words.at(-1);
  if (words.length >= 2 && words.at(-2)?.toLowerCase() === 'as' && last !== undefined)
    return { rest: words.slice(0, -2), role: last };
  if (last !== undefined && parseRole(last) !== undefined) return { rest: words.slice(0, -1), role: last };
  return { rest: words };
}

/** `<emails…> [as role] for <duration>`: no email is the word `for`, so its last one starts the duration. */
function splitTrailingDuration(words: string[]): { rest: string[]; duration?: string } {
  const at = words.findLastIndex((word) => word.toLowerCase() === 'for');
  if (at < 0) return { rest: words };
  return { rest: words.slice(0, at), duration: words.slice(at + 1).join(' ') };
}

/** What follows the emails: a role, a duration, in either order (`as admin for 30d`, `for 30d as admin`). */
function splitInviteTail(
  specs: readonly ArgSpec[],
  words: string[],
): { rest: string[]; role?: string; duration?: string } {
  const takesRole = specs.some((spec) => spec.kind === 'role');
  const takesDuration = specs.some((spec) => spec.kind === 'duration');
  const timed = takesDuration ? splitTrailingDuration(words) : { rest: words };
  if (!takesRole) return timed;
  const before = splitTrailingRole(timed.rest);
  if (before.role !== undefined || timed.duration === undefined) return { ...timed, ...before };
  const after = splitTrailingRole(timed.duration.split(' '));
  return after.role === undefined ? timed : { rest: timed.rest, role: after.role, duration: after.rest.join(' ') };
}

function oneWord(arg: ArgSpec, word: string, decode: Decode, linksOnly: boolean): unknown {
  switch (arg.kind) {
    case 'email':
      return emailArg(word, decode);
    case 'channel':
      return channelRef(word, linksOnly);
    case 'choice':
      return arg.choices?.includes(word.toLowerCase()) ? word.toLowerCase() : undefined;
    default:
      return decode(word);
  }
}

/** Reads the words after the command name by the table's argument list; undefined means "show usage". */
function readArgs(
  specs: readonly ArgSpec[],
  words: string[],
  rawRest: string,
  { decode = (text) => text, channelLinksOnly = false }: Surface,
): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = {};
  let rest = words;
  for (const [index, arg] of specs.entries()) {
    if (arg.kind === 'text') {
      // Free text keeps its spaces and commas: the rest of the line as typed.
      if (rawRest.length === 0) return undefined;
      args[arg.name] = decode(rawRest);
      return args;
    }
    if (arg.kind === 'emails') {
      const after = specs.slice(index + 1);
      const split = splitInviteTail(after, rest);
      if (split.duration === '') return undefined;
      args[arg.name] = split.rest.map((word) => emailArg(word, decode));
      for (const spec of after) {
        const value = spec.kind === 'role' ? split.role : spec.kind === 'duration' ? split.duration : undefined;
        if (value !== undefined) args[spec.name] = decode(value);
      }
      // The emails, and the role and duration after them, take the rest of the line.
      return args;
    }
    if (arg.kind === 'duration') {
      if (rest.length === 0) return arg.optional === true ? args : undefined;
      args[arg.name] = decode(rest.join(' '));
      return args;
    }
    const [word, ...after] = rest;
    if (word === undefined) {
      if (arg.fallback !== undefined) args[arg.name] = arg.fallback;
      else if (arg.optional !== true) return undefined;
      continue;
    }
    const value = oneWord(arg, word, decode, channelLinksOnly);
    if (value === undefined) return undefined;
    args[arg.name] = value;
    rest = after;
  }
  return rest.length === 0 ? args : undefined;
}

/**
 * Parses the text after `/members` (SPEC §5) by the command table. Never throws.
 */
export function parseCommand(text: string, surface: Surface = {}): ParsedCommand {
  const [first, ...words] = splitWords(text);
  const name = first?.toLowerCase() ?? 'help';
  if (!isCommandName(name)) return { name: 'unknown', word: surface.decode?.(first ?? '') ?? first ?? '' };
  const rawRest = text
    .trim()
    .slice(first?.length ?? 0)
    .trim();
  const args = readArgs(COMMANDS[name].args, words, rawRest, surface);
  if (args === undefined) return { name: 'usage', command: name };
  // readArgs filled exactly the fields the table declares for `name`, which is what CommandOf says.
  return { ...args, name } as ParsedCommand;
}
