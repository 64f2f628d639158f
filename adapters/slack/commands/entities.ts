import type { Surface } from '../../../src/commands/parse-command.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack sends the `&`, `<` and `>` people type as `&amp;`, `&lt;`, `&gt;` (SPEC §10). One pass, so
 * `&amp;lt;` (someone typing `&lt;`) comes back as `&lt;`: decoded exactly once.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** How `/members` text and the invite form arrive from Slack. */
export const SLACK_SURFACE: Surface = { decode: decodeEntities, channelLinksOnly: true };
