import type { Executor } from '../../store/repositories/executor.ts';
import type { Invitation } from '../../store/repositories/invitations.repo.ts';
import { findOrgById, listBindings } from '../../store/repositories/organizations.repo.ts';
import type { InvitationView, LinkAnswer, LinkRef } from '../api.ts';
import type { CoreDeps } from '../deps.ts';
import type { Platform } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { findByCode } from './find-invitation.ts';
import { type Answer, answerInvitation } from './respond-to-invitation.ts';

/**
 * The invitation behind an emailed link (SPEC §4, §9). Holding the link is the proof of owning the
 * mailbox it was sent to, so no chat identity is asked for; a refusal names only this invitation's
 * state, never anything about another.
 */
async function livePendingByCode(deps: CoreDeps, db: Executor, ref: LinkRef): Promise<Result<Invitation>> {
  const invitation = await findByCode(db, ref.code);
  if (!invitation) return err({ code: 'invalid_code' });
  if (invitation.state !== 'pending') return err({ code: 'invitation_not_pending', state: invitation.state });
  if (invitation.expiresAt <= deps.clock()) return err({ code: 'invitation_expired' });
  return ok(invitation);
}

/** Where the organization can be reached once joined: the chat platforms it is bound to. */
async function platformsOf(db: Executor, orgId: string): Promise<Platform[]> {
  return [...new Set((await listBindings(db, orgId)).map((b) => b.platform))];
}

export async function viewInvitation(deps: CoreDeps, ref: LinkRef): Promise<Result<InvitationView>> {
  const db = deps.store.db;
  const found = await livePendingByCode(deps, db, ref);
  if (!found.ok) return found;
  const { orgId, email, role, invitedBy, expiresAt } = found.value;
  const org = await findOrgById(db, orgId);
  if (!org) return err({ code: 'invalid_code' });
  return ok({ orgName: org.name, email, role, invitedBy, expiresAt, platforms: await platformsOf(db, orgId) });
}

/** Accept or decline from the page: the same transaction, checks and notices as a chat answer. */
export async function answerByLink(deps: CoreDeps, ref: LinkRef, answer: Answer): Promise<Result<LinkAnswer>> {
  const found = await livePendingByCode(deps, deps.store.db, ref);
  if (!found.ok) return found;
  const answered = await answerInvitation(deps, found.value, answer);
  if (!answered.ok) return answered;
  return ok({ answer, ...answered.value, platforms: await platformsOf(deps.store.db, found.value.orgId) });
}
