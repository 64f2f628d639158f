const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `15m`, `48h`, `2d` → milliseconds; undefined when malformed or not positive. */
export function parseDuration(input: string): number | undefined {
  const match = /^\s*(\d+)\s*([smhd])\s*$/i.exec(input);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase() as keyof typeof UNIT_MS;
  return amount > 0 ? amount * UNIT_MS[unit] : undefined;
}
