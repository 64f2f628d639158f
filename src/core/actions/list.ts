import type { Executor } from '../../store/repositories/executor.ts';
import { countPending, listLivePending } from '../../store/repositories/invitations.repo.ts';
import { countMembers, listMemberships } from '../../store/repositories/memberships.repo.ts';
import { type MemberContext, readAsMember } from '../access.ts';
import type { ListInput, Roster } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';
import { invitationRowActions, memberRef, memberRowActions } from '../row-rules.ts';

/** Members with role and join date; pending invitations whose time has not run out. */
export async function list(deps: CoreDeps, caller: Caller, input: ListInput): Promise<Result<Roster>> {
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  return ok(await rosterOf(deps.store.db, member.value, input.what, deps.clock()));
}

/** The roster as this member sees it: each row with its opaque handle and what they may do to it. */
export async function rosterOf(
  db: Executor,
  viewer: MemberContext,
  what: ListInput['what'],
  now: number,
): Promise<Roster> {
  const { orgId, orgName, memberLimit } = viewer.org;
  const members = what === 'pending' ? [] : await listMemberships(db, orgId);
  const pending = what === 'members' ? [] : await listLivePending(db, orgId, now);
  // The members read above are all of them: counting them again would be one more query per list.
  const memberCount = what === 'pending' ? await countMembers(db, orgId) : members.length;
  const seatsUsed = memberCount + (await countPending(db, orgId));
  // Counted from the list itself: only member rows need it, and they come with it.
  const owners = members.filter((m) => m.role === 'owner').length;
  return {
    orgName,
    limit: memberLimit,
    seatsUsed,
    members: members.map(({ email, role, joinedAt, term }) => ({
      ref: { memberRef: memberRef(orgId, email) },
      actions: memberRowActions(viewer, { email }, owners),
      email,
      role,
      joinedAt,
      ...(term === null ? {} : { endsAt: term.endsAt }),
    })),
    pending: pending.map(({ id, email, role, invitedBy, sentAt, expiresAt, durationMs }) => ({
      ref: { invitationId: id },
      actions: invitationRowActions(viewer, { invitedBy, sentAt, expiresAt }, now),
      email,
      role,
      invitedBy,
      sentAt,
      expiresAt,
      ...(durationMs === null ? {} : { durationMs }),
    })),
  };
}
