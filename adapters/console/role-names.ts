import type { Role } from '../../src/core/index.ts';

/** Roles as the console's grammar spells them, so a shown role can be typed back. */
export const ROLE_WORD: Readonly<Record<Role, string>> = {
  owner: 'owner',
  billing_admin: 'billing-admin',
  member: 'member',
};

export function roleWord(role: Role): string {
  return ROLE_WORD[role];
}
