import { suggestPending } from '../../store/repositories/invitations.repo.ts';
import { suggestMembers } from '../../store/repositories/memberships.repo.ts';
import { readAsMember } from '../access.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Role } from '../model.ts';
import { ok, type Result } from '../result.ts';

const MAX_SUGGESTIONS = 25; // Discord shows at most 25 autocomplete choices

export async function whoAmI(
  deps: CoreDeps,
  caller: Caller,
): Promise<Result<{ email: string; role: Role; orgName: string }>> {
  const member = await readAsMember(deps.store.db, caller);
  if (!member.ok) return member;
  return ok({ email: member.value.email, role: member.value.role, orgName: member.value.org.orgName });
}

/** Autocomplete: nothing for callers who are not members, so emails never leak to outsiders. */
export async function suggestEmails(
  deps: CoreDeps,
  caller: Caller,
  input: { among: 'members' | 'pending'; prefix: string },
): Promise<readonly string[]> {
  const db = deps.store.db;
  const member = await readAsMember(db, caller);
  if (!member.ok) return [];
  const prefix = input.prefix.trim().toLowerCase();
  const rows =
    input.among === 'members'
      ? await suggestMembers(db, member.value.org.orgId, prefix, MAX_SUGGESTIONS)
      : await suggestPending(db, member.value.org.orgId, prefix, MAX_SUGGESTIONS);
  return rows.map((row) => row.email);
}
