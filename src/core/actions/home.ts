import { activityPage } from '../../store/repositories/activity.repo.ts';
import { pendingAddressedTo } from '../../store/repositories/own-invitations.repo.ts';
import { callerEmail, readAsMember } from '../access.ts';
import type { HomeView, StrangerHome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';
import { rosterOf } from './list.ts';

/** SPEC §11: owners see the last ten changes on their Home. */
const HOME_ACTIVITY = 10;

/**
 * The App Home: for a member, the whole roster with what they may do to each row (and the recent
 * activity for an owner); for anyone else, only the invitations addressed to their own email.
 */
export async function home(deps: CoreDeps, caller: Caller): Promise<Result<HomeView>> {
  const db = deps.store.db;
  const now = deps.clock();
  const member = await readAsMember(deps, caller);
  if (!member.ok) {
    const { code } = member.error;
    if (code !== 'org_not_set_up' && code !== 'not_linked' && code !== 'not_a_member') return member;
    return ok(await strangerHome(deps, caller, code, now));
  }
  const { org, email, role } = member.value;
  const activity = role === 'owner' ? await activityPage(db, org.orgId, 0, HOME_ACTIVITY) : [];
  return ok({
    kind: 'member',
    orgId: org.orgId,
    viewer: { email, role },
    roster: await rosterOf(db, member.value, 'all', now),
    activity: activity.map(({ at, actor, action, subject, details }) => ({ at, actor, action, subject, details })),
  });
}

async function strangerHome(
  deps: CoreDeps,
  caller: Caller,
  reason: StrangerHome['reason'],
  now: number,
): Promise<StrangerHome> {
  const email = await callerEmail(deps, deps.store.db, caller);
  const addressed = email === undefined ? [] : await pendingAddressedTo(deps.store.db, email, now);
  return {
    kind: 'stranger',
    reason,
    invitations: addressed.map(({ invitation, orgName }) => ({
      invitationId: invitation.id,
      orgName,
      role: invitation.role,
      invitedBy: invitation.invitedBy,
      expiresAt: invitation.expiresAt,
    })),
  };
}
