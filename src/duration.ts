import parse from 'parse-duration';

/**
 * The whole input must be amounts each followed by a unit (`2d12h`, `1.5h`, `1 week`): parse-duration
 * alone is lenient (it reads a bare `5` as milliseconds and skips words it does not know), and a
 * mistyped duration should be refused, not read as something else.
 */
const SHAPE = /^(?:\d+(?:\.\d+)?\s*[a-z]+\s*)+$/i;
const PART = /\d+(?:\.\d+)?\s*([a-z]+)/gi;

/**
 * `90s`, `15m`, `1.5h`, `2d12h`, `1w` (and the long names, `2 days`) → whole milliseconds;
 * undefined when malformed, a unit is unknown, or the total is not positive.
 */
export function parseDuration(input: string): number | undefined {
  const text = input.trim();
  if (!SHAPE.test(text)) return undefined;
  for (const [, unit = ''] of text.matchAll(PART)) if (parse(`1${unit}`) === null) return undefined;
  const ms = parse(text);
  return ms !== null && ms >= 1 ? Math.round(ms) : undefined;
}
