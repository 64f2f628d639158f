import { ROLES, type Role } from './model.ts';

const ROLE_ALIASES: ReadonlyMap<string, Role> = new Map([
  ['owner', 'owner'],
  ['billing-admin', 'billing_admin'],
  ['billing_admin', 'billing_admin'],
  ['billing', 'billing_admin'],
  ['member', 'member'],
]);

/** Accepts the spellings of SPEC §1 in any case; undefined when the word is not a role. */
export function parseRole(input: string): Role | undefined {
  // A Map, not an object literal: `__proto__` or `constructor` must not read as a role.
  return ROLE_ALIASES.get(input.trim().toLowerCase());
}

export function isRole(input: string): input is Role {
  return (ROLES as readonly string[]).includes(input);
}

/** Roles a caller of the given role may hand out with an invitation. */
export function grantableRoles(callerRole: Role): readonly Role[] {
  return callerRole === 'owner' ? ROLES : ['member'];
}
