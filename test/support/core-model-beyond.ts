import type { ModelRemoval, OrgModel, Outcome } from './core-model.ts';
import { UNDO_TTL } from './core-model.ts';

/** The rules of SPEC §12 (extend, undo, the sweep's ends) over the reference model. */
export function checkExtend(model: OrgModel, actor: string, email: string): Outcome {
  const actorRole = model.members.get(actor);
  if (actorRole === undefined) return 'not_a_member';
  if (actorRole !== 'owner') return 'owner_only';
  if (!model.members.has(email)) return 'member_not_found';
  return model.terms.has(email) ? 'ok' : 'not_time_limited';
}

export function applyExtend(model: OrgModel, email: string, durationMs: number): void {
  const term = model.terms.get(email);
  if (term === undefined) throw new Error('model: nothing to extend');
  model.terms.set(email, { endsAt: term.endsAt + durationMs, durationMs });
}

export function checkUndo(model: OrgModel, actor: string, removal: ModelRemoval, now: number): Outcome {
  const actorRole = model.members.get(actor);
  if (actorRole === undefined) return 'not_a_member';
  if (actorRole !== 'owner') return 'owner_only';
  if (removal.removedBy !== actor) return 'undo_not_yours';
  if (removal.used) return 'undo_already_used';
  if (now - removal.removedAt >= UNDO_TTL) return 'undo_expired';
  if (model.members.has(removal.email)) return 'already_member';
  const live = model.pending(removal.email);
  if (live !== undefined && live.expiresAt > now) return 'invitation_pending';
  return model.limit - model.members.size - model.pendingCount(now) < 1 ? 'over_capacity' : 'ok';
}

export function applyUndo(model: OrgModel, removal: ModelRemoval, now: number): void {
  model.expire(now);
  removal.used = true;
  model.members.set(removal.email, removal.role);
  if (removal.term !== undefined) model.terms.set(removal.email, { ...removal.term });
}

/** The sweep: overdue invitations expire, then members whose end has come are removed. */
export function sweep(model: OrgModel, now: number): void {
  model.expire(now);
  for (const [email, term] of [...model.terms]) {
    if (term.endsAt > now) continue;
    model.members.delete(email);
    model.terms.delete(email);
    model.ended += 1;
  }
}
