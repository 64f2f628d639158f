import type { types } from '@slack/bolt';
import { ellipsis } from '../../shared/fit.ts';
import { type SlackReply, section } from './reply.ts';

/** Slack: a section's text ≤ 3,000 characters; margin for the separators. */
const SECTION_CHARS = 2_900;
/** Slack: ≤ 50 blocks a message. */
const BLOCKS_PER_MESSAGE = 50;
/** Slack: a message's top-level `text` ≤ 4,000; with blocks it is only the notification's preview. */
const FALLBACK_CHARS = 3_000;

/** An entry longer than a section is cut at line ends, else at the limit: split, never lost. */
function pieces(entry: string): string[] {
  if (entry.length <= SECTION_CHARS) return [entry];
  const out: string[] = [];
  for (let start = 0; start < entry.length; start += SECTION_CHARS) out.push(entry.slice(start, start + SECTION_CHARS));
  return out;
}

/** Slack: a response_url takes five messages in 30 minutes. */
const MAX_MESSAGES = 5;

/** Sections, and how many entries each holds, so a list too long for five messages can say what it left out. */
export interface Packed {
  readonly blocks: readonly types.SectionBlock[];
  readonly counts: readonly number[];
}

/**
 * A message's top-level text: everything, as screen readers and notifications read it, when it
 * fits Slack's limit; else the short summary (the blocks carry the rest).
 */
export function fallback(full: string, short: string): string {
  return full.length <= FALLBACK_CHARS ? full : short;
}

/** Entries packed into as few sections as fit, in order, none dropped. */
export function packSections(entries: readonly string[], separator = '\n\n'): Packed {
  const chunks: string[] = [];
  const counts: number[] = [];
  let current = '';
  let count = 0;
  for (const entry of entries) {
    for (const piece of pieces(entry)) {
      const joined = current === '' ? piece : `${current}${separator}${piece}`;
      if (joined.length > SECTION_CHARS) {
        chunks.push(current);
        counts.push(count);
        current = piece;
        count = 0;
      } else {
        current = joined;
      }
    }
    count += 1;
  }
  if (current !== '') {
    chunks.push(current);
    counts.push(count);
  }
  return { blocks: chunks.map(section), counts };
}

/** The body cut to what five messages hold; `left` entries did not fit. Only lists of thousands get here. */
function withinMessages(fixed: number, body: Packed): { blocks: readonly types.KnownBlock[]; left: number } {
  const room = MAX_MESSAGES * BLOCKS_PER_MESSAGE - fixed - 1;
  if (body.blocks.length <= room + 1) return { blocks: body.blocks, left: 0 };
  const left = body.counts.slice(room).reduce((n, c) => n + c, 0);
  return { blocks: body.blocks.slice(0, room), left };
}

/**
 * A reply of any length as messages within Slack's limits: the head on the first, the tail on the
 * last, the body in between, 50 blocks a message, at most five messages (a response_url's uses).
 * A reply about at most 100 addresses (an invite) needs one or two, so its codes are never cut.
 */
export function pagedReply(
  text: string,
  head: readonly types.KnownBlock[],
  body: Packed,
  tail: readonly types.KnownBlock[] = [],
  overflow: (left: number) => types.KnownBlock = (left) => section(`…and ${left} more.`),
): SlackReply {
  const { blocks, left } = withinMessages(head.length + tail.length, body);
  const all = [...head, ...blocks, ...(left > 0 ? [overflow(left)] : []), ...tail];
  const messages: types.KnownBlock[][] = [];
  for (let start = 0; start < all.length; start += BLOCKS_PER_MESSAGE)
    messages.push(all.slice(start, start + BLOCKS_PER_MESSAGE));
  const [first = [], ...rest] = messages;
  const preview = ellipsis(text, FALLBACK_CHARS);
  const continued = rest.map((blocks, index) => ({ text: `${preview} (${index + 2}/${messages.length})`, blocks }));
  return continued.length === 0 ? { text: preview, blocks: first } : { text: preview, blocks: first, continued };
}
