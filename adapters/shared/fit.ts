/**
 * As many items as fit in `budget` characters once joined, in order; `left` counts the rest. A
 * channel announcement names as many people as one message holds and points to the full list,
 * rather than posting again and again into a channel (SPEC §6, §10).
 */
export function fitList(items: readonly string[], budget: number, separator = ', '): { shown: string; left: number } {
  let shown = '';
  let count = 0;
  for (const item of items) {
    const next = count === 0 ? item : `${shown}${separator}${item}`;
    if (next.length > budget) break;
    shown = next;
    count += 1;
  }
  return { shown, left: items.length - count };
}

/** Text cut to `max` characters with an ellipsis, for places that repeat something shown in full elsewhere. */
export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
