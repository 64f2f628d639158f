import type { types } from '@slack/bolt';
import { section } from './reply.ts';

/** Slack caps a section's text at 3,000 characters and a message at 50 blocks. */
const SECTION_CHARS = 2_900;
const MAX_SECTIONS = 45;

/** Entries packed into as few sections as Slack allows, so a phone scrolls one list; `left` did not fit. */
export function packSections(
  entries: readonly string[],
  separator = '\n\n',
): { blocks: types.SectionBlock[]; left: number } {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const entry of entries) {
    if (current.length > 0 && length + entry.length + separator.length > SECTION_CHARS) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(entry);
    length += entry.length + separator.length;
  }
  if (current.length > 0) chunks.push(current);
  const shown = chunks.slice(0, MAX_SECTIONS);
  const shownCount = shown.reduce((n, chunk) => n + chunk.length, 0);
  return { blocks: shown.map((chunk) => section(chunk.join(separator))), left: entries.length - shownCount };
}
