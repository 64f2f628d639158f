import type { Executor } from '../../store/repositories/executor.ts';
import { findInvitationById } from '../../store/repositories/invitations.repo.ts';
import { countOwners, listMemberships } from '../../store/repositories/memberships.repo.ts';
import { type MemberContext, readAsMember } from '../access.ts';
import type { PendingConfirmation, ResendOutcome, RosterRow, RowActionInput, RowRef } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { err, ok, type Result } from '../result.ts';
import { invitationRowActions, memberRef, memberRowActions } from '../row-rules.ts';
import { requestConfirmation } from './request-confirmation.ts';
import { resend } from './resend.ts';

/**
 * A row handle resolved inside the viewer's own organization only: another organization's member
 * reference or invitation id finds nothing here, whatever the menu that carried it.
 */
async function resolveRow(db: Executor, viewer: MemberContext, ref: RowRef, now: number): Promise<Result<RosterRow>> {
  const { orgId } = viewer.org;
  if ('invitationId' in ref) {
    const invitation = await findInvitationById(db, ref.invitationId);
    if (!invitation || invitation.orgId !== orgId || invitation.state !== 'pending')
      return err({ code: 'row_not_found' });
    const { email, role } = invitation;
    return ok({ ref, state: 'pending', email, role, actions: invitationRowActions(viewer, invitation, now) });
  }
  const members = await listMemberships(db, orgId);
  const target = members.find((m) => memberRef(orgId, m.email) === ref.memberRef);
  if (!target) return err({ code: 'row_not_found' });
  const actions = memberRowActions(viewer, target, await countOwners(db, orgId));
  return ok({ ref, state: 'member', email: target.email, role: target.role, actions });
}

async function rowFor(deps: CoreDeps, caller: Caller, ref: RowRef): Promise<Result<RosterRow>> {
  const member = await readAsMember(deps, caller);
  if (!member.ok) return member;
  return resolveRow(deps.store.db, member.value, ref, deps.clock());
}

export function describeRow(deps: CoreDeps, caller: Caller, input: { row: RowRef }): Promise<Result<RosterRow>> {
  return rowFor(deps, caller, input.row);
}

/**
 * Only an action the row offers this clicker now; then the same checks and stored confirmation as
 * the typed command, which checks everything once more when it is confirmed (SPEC §3).
 */
export async function requestRowAction(
  deps: CoreDeps,
  caller: Caller,
  input: RowActionInput,
): Promise<Result<PendingConfirmation>> {
  const row = await rowFor(deps, caller, input.row);
  if (!row.ok) return row;
  if (!row.value.actions.includes(input.action)) return err({ code: 'row_action_not_allowed' });
  const { email } = row.value;
  switch (input.action) {
    case 'revoke':
    case 'remove':
      return requestConfirmation(deps, caller, { kind: input.action, email });
    case 'role':
      return requestConfirmation(deps, caller, { kind: 'role', email, role: input.role ?? '' });
    case 'leave':
      return requestConfirmation(deps, caller, { kind: 'leave' });
  }
}

/**
 * Resend checks its own rules (inviter or owner, ten minutes apart) and says which one refused, so
 * a menu shown a minute too early gets "try again at …" rather than a bare refusal.
 */
export async function resendRow(
  deps: CoreDeps,
  caller: Caller,
  input: { row: RowRef },
): Promise<Result<ResendOutcome>> {
  const row = await rowFor(deps, caller, input.row);
  if (!row.ok) return row;
  if (row.value.state !== 'pending') return err({ code: 'row_action_not_allowed' });
  return resend(deps, caller, { email: row.value.email });
}
