import type { Role } from '../../src/core/model.ts';

const LABELS: Readonly<Record<Role, string>> = {
  owner: 'Organization Owner',
  billing_admin: 'Organization Billing Admin',
  member: 'Organization Member',
};

const WORDS: Readonly<Record<Role, string>> = {
  owner: 'owner',
  billing_admin: 'billing-admin',
  member: 'member',
};

/** How every surface shows a role: the names of SPEC §1. */
export function roleLabel(role: Role): string {
  return LABELS[role];
}

/** The word to type back into a command (`billing-admin`), where we tell people what to type. */
export function roleWord(role: Role): string {
  return WORDS[role];
}
