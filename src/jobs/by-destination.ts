/**
 * Runs `work` over items grouped by `keyOf`: up to `concurrency` groups at once, each group's items
 * one after another in the order given. Chat platforms show posts in arrival order, so two notices
 * to one channel must not race; different channels and DMs need not wait for each other.
 */
export async function forEachByDestination<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const item of group) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
