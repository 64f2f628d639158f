import type { Role } from '../../src/core/index.ts';

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  owner: 'Organization Owner',
  billing_admin: 'Organization Billing Admin',
  member: 'Organization Member',
};

export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

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
