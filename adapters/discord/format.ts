/** A Discord timestamp: each reader sees it in their own time zone. `R` is relative, `f` full. */
export function when(ms: number, style: 'R' | 'f' | 'd' = 'f'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** Inline code, so an email never turns into a link or a mention. */
export function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

export function list(items: readonly string[]): string {
  return items.map(code).join(', ');
}
