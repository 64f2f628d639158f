import { countPending, listLivePending } from '../../store/repositories/invitations.repo.ts';
import { countMembers, listMemberships } from '../../store/repositories/memberships.repo.ts';
import { readAsMember } from '../access.ts';
import type { ListInput, Roster } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';

/** Members with role and join date; pending invitations whose time has not run out. */
export async function list(deps: CoreDeps, caller: Caller, input: ListInput): Promise<Result<Roster>> {
  const db = deps.store.db;
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  const { orgId, orgName, memberLimit } = member.value.org;
  const members = input.what === 'pending' ? [] : await listMemberships(db, orgId);
  const pending = input.what === 'members' ? [] : await listLivePending(db, orgId, deps.clock());
  const seatsUsed = (await countMembers(db, orgId)) + (await countPending(db, orgId));
  return ok({
    orgName,
    limit: memberLimit,
    seatsUsed,
    members: members.map(({ email, role, joinedAt, term }) => ({
      email,
      role,
      joinedAt,
      ...(term === null ? {} : { endsAt: term.endsAt }),
    })),
    pending: pending.map(({ email, role, invitedBy, sentAt, expiresAt, durationMs }) => ({
      email,
      role,
      invitedBy,
      sentAt,
      expiresAt,
      ...(durationMs === null ? {} : { durationMs }),
    })),
  });
}
