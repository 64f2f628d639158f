import type { Executor } from '../../store/repositories/executor.ts';
import {
  findInvitationById,
  findInvitationsByCodeHash,
  findPending,
  type Invitation,
} from '../../store/repositories/invitations.repo.ts';
import { findOrgByBinding } from '../../store/repositories/organizations.repo.ts';
import { callerEmail } from '../access.ts';
import type { InvitationRef } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { err, ok, type Result } from '../result.ts';
import { codeMatches, hashCode } from '../secret-codes.ts';

export interface Invitee {
  readonly invitation: Invitation;
  /** The chat account to link to the invitation's email once it is accepted (platforms without verified emails). */
  readonly link: boolean;
}

/** The invitation a code names, whatever its state; the stored hash is compared in constant time. */
export async function findByCode(db: Executor, code: string): Promise<Invitation | undefined> {
  const candidates = await findInvitationsByCodeHash(db, hashCode(code));
  return candidates.find((c) => codeMatches(code, c.codeHash));
}

/** The invitation a code or a DM button points at, checked against who is clicking (SPEC §4). */
export async function findInvitationFor(
  deps: CoreDeps,
  db: Executor,
  caller: Caller,
  ref: InvitationRef,
): Promise<Result<Invitee>> {
  if ('own' in ref) return ownInvitation(deps, db, caller);
  const invitation = 'code' in ref ? await findByCode(db, ref.code) : await findInvitationById(db, ref.invitationId);
  if (!invitation) return err({ code: 'invalid_code' });

  const email = await callerEmail(deps, db, caller);
  if (email !== undefined) {
    return email === invitation.email ? ok({ invitation, link: false }) : err({ code: 'not_invitee' });
  }
  // An unlinked chat account: a code that reached them, or the account the invitation was addressed to.
  const addressedToCaller =
    invitation.target?.platform === caller.platform && invitation.target.userId === caller.userId;
  if ('code' in ref || addressedToCaller) return ok({ invitation, link: true });
  return err({ code: 'not_invitee' });
}

/**
 * Accept or decline without a code (SPEC §4): only with an email the platform vouches for or a
 * linked account, and only the pending invitation of the caller's own organization addressed to it.
 */
async function ownInvitation(deps: CoreDeps, db: Executor, caller: Caller): Promise<Result<Invitee>> {
  const org = await findOrgByBinding(db, caller.platform, caller.workspaceId);
  if (!org) return err({ code: 'org_not_set_up' });
  const email = await callerEmail(deps, db, caller);
  if (email === undefined) return err({ code: 'not_linked' });
  const invitation = await findPending(db, org.orgId, email);
  return invitation ? ok({ invitation, link: false }) : err({ code: 'invitation_not_found', email });
}
