import type { Role } from '../../src/core/index.ts';

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  billing_admin: 'Billing Admin',
  member: 'Member',
};

/** How Slack users read a role (SPEC §1 names without the "Organization" prefix). */
export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

/** The word to type back into a command, e.g. `billing-admin`. */
export function roleWord(role: Role): string {
  return role === 'billing_admin' ? 'billing-admin' : role;
}
