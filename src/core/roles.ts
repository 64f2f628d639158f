export const ROLES = ['owner', 'billing_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  owner: 'owner',
  'billing-admin': 'billing_admin',
  billing_admin: 'billing_admin',
  billing: 'billing_admin',
  member: 'member',
};

/** Accepts the spellings of SPEC §1 in any case; undefined when the word is not a role. */
export function parseRole(input: string): Role | undefined {
  return ROLE_ALIASES[input.trim().toLowerCase()];
}

export function isRole(input: string): input is Role {
  return (ROLES as readonly string[]).includes(input);
}

/** Roles a caller of the given role may hand out with an invitation. */
export function grantableRoles(callerRole: Role): readonly Role[] {
  return callerRole === 'owner' ? ROLES : ['member'];
}
