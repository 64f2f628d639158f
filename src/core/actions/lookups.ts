import { suggestPending } from '../../store/repositories/invitations.repo.ts';
import { suggestMembers } from '../../store/repositories/memberships.repo.ts';
import { readAsMember } from '../access.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Role } from '../model.ts';
import { ok, type Result } from '../result.ts';

export async function whoAmI(
  deps: CoreDeps,
  caller: Caller,
): Promise<Result<{ email: string; role: Role; orgName: string }>> {
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  return ok({ email: member.value.email, role: member.value.role, orgName: member.value.org.orgName });
}

/**
 * Autocomplete: nothing for callers who are not members, so emails never leak to outsiders. The
 * adapter says how many choices its platform can show.
 */
export async function suggestEmails(
  deps: CoreDeps,
  caller: Caller,
  input: { among: 'members' | 'pending'; prefix: string; limit: number },
): Promise<readonly string[]> {
  const db = deps.store.db;
  const member = await readAsMember(deps, caller);
  if (!member.ok) return [];
  const prefix = input.prefix.trim().toLowerCase();
  const limit = Math.max(0, Math.floor(input.limit));
  return input.among === 'members'
    ? suggestMembers(db, member.value.org.orgId, prefix, limit)
    : suggestPending(db, member.value.org.orgId, prefix, limit);
}
