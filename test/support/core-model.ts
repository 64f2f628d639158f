import type { CoreErrorCode, Role } from '../../src/core/index.ts';
import type { ModelRequest } from './core-model-requests.ts';

/**
 * A reference model of one organization, small enough to trust by reading: the rules of SPEC §2–§3
 * as plain maps. Each `check…` predicts a command's outcome code; the runner applies the change
 * to the model only when the core agreed it succeeded.
 */
export const CONFIRM_TTL = 15 * 60_000;
export const RESEND_INTERVAL = 10 * 60_000;
export const UNDO_TTL = 10 * 60_000;

export interface ModelInvitation {
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  state: 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';
  sentAt: number;
  expiresAt: number;
  code: string;
  /** The term of the membership it offers (SPEC §12), or null. */
  readonly durationMs: number | null;
}

export interface ModelTerm {
  endsAt: number;
  durationMs: number;
}

export interface ModelRemoval {
  readonly undoId: string;
  readonly email: string;
  readonly role: Role;
  readonly term: ModelTerm | undefined;
  readonly removedBy: string;
  readonly removedAt: number;
  used: boolean;
}

export type Request =
  | { kind: 'revoke'; email: string }
  | { kind: 'role'; email: string; role: Role }
  | { kind: 'remove'; email: string }
  | { kind: 'leave' }
  | { kind: 'transfer'; email: string };

export interface ModelAction {
  readonly actionId: string;
  readonly requester: string;
  readonly request: Request;
  readonly createdAt: number;
  state: 'pending' | 'done' | 'cancelled';
}

export type Outcome = 'ok' | CoreErrorCode;

export class OrgModel {
  readonly members = new Map<string, Role>();
  readonly invitations: ModelInvitation[] = [];
  readonly actions: ModelAction[] = [];
  /** Time-limited members' ends; owners never have one. */
  readonly terms = new Map<string, ModelTerm>();
  readonly removals: ModelRemoval[] = [];
  /** How many memberships the sweep ended. */
  ended = 0;
  /** Requests instead of refusals and the domain list (SPEC §12, core-model-requests.ts). */
  readonly requests: ModelRequest[] = [];
  readonly domains = new Set<string>();

  constructor(
    readonly limit: number,
    readonly ttl: number,
    owner: string,
  ) {
    this.members.set(owner, 'owner');
  }

  pending(email: string): ModelInvitation | undefined {
    return this.invitations.find((i) => i.email === email && i.state === 'pending');
  }

  owners(): number {
    return [...this.members.values()].filter((r) => r === 'owner').length;
  }

  pendingCount(now?: number): number {
    return this.invitations.filter((i) => i.state === 'pending' && (now === undefined || i.expiresAt > now)).length;
  }

  checkInvite(actor: string, emails: readonly string[], role: Role, now: number, durationMs: number | null): Outcome {
    const actorRole = this.members.get(actor);
    if (actorRole === undefined) return 'not_a_member';
    if (actorRole !== 'owner' && role !== 'member') return 'role_not_grantable';
    if (durationMs !== null && role === 'owner') return 'owner_not_time_limited';
    const fresh = this.freshAmong(emails, now);
    const seats = this.limit - this.members.size - this.pendingCount(now);
    return fresh.length > seats ? 'over_capacity' : 'ok';
  }

  /** Emails neither member nor live pending, once overdue invitations count as expired (as the core does first). */
  freshAmong(emails: readonly string[], now: number): string[] {
    return [...new Set(emails)].filter((e) => {
      const live = this.pending(e);
      return !this.members.has(e) && (live === undefined || live.expiresAt <= now);
    });
  }

  applyInvite(
    actor: string,
    role: Role,
    invited: ReadonlyArray<{ email: string; code: string }>,
    now: number,
    durationMs: number | null,
  ): void {
    this.expire(now);
    for (const { email, code } of invited) {
      this.invitations.push({
        email,
        role,
        invitedBy: actor,
        state: 'pending',
        sentAt: now,
        expiresAt: now + this.ttl,
        code,
        durationMs,
      });
    }
  }

  /** Marks overdue invitations expired; returns how many. */
  expire(now: number): number {
    const due = this.invitations.filter((i) => i.state === 'pending' && i.expiresAt <= now);
    for (const i of due) i.state = 'expired';
    return due.length;
  }

  checkRespond(actor: string, code: string, now: number): Outcome {
    const invitation = this.invitations.find((i) => i.code === code);
    if (invitation === undefined) return 'invalid_code';
    if (invitation.email !== actor) return 'not_invitee';
    if (invitation.state !== 'pending') return 'invitation_not_pending';
    if (invitation.expiresAt <= now) return 'invitation_expired';
    return this.members.has(invitation.email) ? 'already_member' : 'ok';
  }

  applyRespond(code: string, answer: 'accepted' | 'declined', now: number): void {
    const invitation = this.invitations.find((i) => i.code === code);
    if (invitation === undefined) throw new Error('model: no invitation for code');
    invitation.state = answer;
    if (answer !== 'accepted') return;
    this.members.set(invitation.email, invitation.role);
    if (invitation.durationMs !== null)
      this.terms.set(invitation.email, { endsAt: now + invitation.durationMs, durationMs: invitation.durationMs });
  }

  resendable(email: string): ModelInvitation | undefined {
    const expired = this.invitations.filter((i) => i.email === email && i.state === 'expired');
    return this.pending(email) ?? expired.sort((a, b) => b.sentAt - a.sentAt)[0];
  }

  checkResend(actor: string, email: string, now: number): Outcome {
    const actorRole = this.members.get(actor);
    if (actorRole === undefined) return 'not_a_member';
    const invitation = this.resendable(email);
    if (invitation === undefined) return 'invitation_not_found';
    if (actorRole !== 'owner' && invitation.invitedBy !== actor) return 'not_inviter';
    if (now - invitation.sentAt < RESEND_INTERVAL) return 'resend_too_soon';
    if (this.members.has(email)) return 'already_member';
    if (invitation.state === 'expired' && this.limit - this.members.size - this.pendingCount() < 1)
      return 'over_capacity';
    return 'ok';
  }

  applyResend(email: string, code: string, now: number): void {
    const invitation = this.resendable(email);
    if (invitation === undefined) throw new Error('model: nothing to resend');
    const fresh = { sentAt: now, expiresAt: now + this.ttl, code };
    if (invitation.state === 'pending') Object.assign(invitation, fresh);
    else this.invitations.push({ ...invitation, state: 'pending', ...fresh });
  }

  /** The rules of a confirmable action, run at request and again at confirm. */
  checkRequest(actor: string, request: Request, now: number): Outcome {
    const actorRole = this.members.get(actor);
    if (actorRole === undefined) return 'not_a_member';
    switch (request.kind) {
      case 'revoke': {
        const invitation = this.pending(request.email);
        if (invitation === undefined) return 'invitation_not_found';
        if (actorRole !== 'owner' && invitation.invitedBy !== actor) return 'not_inviter';
        return invitation.expiresAt <= now ? 'invitation_expired' : 'ok';
      }
      case 'role': {
        if (actorRole !== 'owner') return 'owner_only';
        const target = this.members.get(request.email);
        if (target === undefined) return 'member_not_found';
        if (target === request.role) return 'same_role';
        return target === 'owner' && this.owners() <= 1 ? 'last_owner' : 'ok';
      }
      case 'remove': {
        if (actorRole !== 'owner') return 'owner_only';
        if (request.email === actor) return 'use_leave';
        const target = this.members.get(request.email);
        if (target === undefined) return 'member_not_found';
        return target === 'owner' && this.owners() <= 1 ? 'last_owner' : 'ok';
      }
      case 'leave':
        return actorRole === 'owner' && this.owners() <= 1 ? 'only_owner_cannot_leave' : 'ok';
      case 'transfer': {
        if (actorRole !== 'owner') return 'owner_only';
        if (request.email === actor) return 'transfer_to_self';
        const target = this.members.get(request.email);
        if (target === undefined) return 'member_not_found';
        return target === 'owner' ? 'already_owner' : 'ok';
      }
    }
  }

  checkConfirm(action: ModelAction, clicker: string, now: number): Outcome {
    if (clicker !== action.requester) return 'confirmation_not_yours';
    if (!this.members.has(clicker)) return 'not_a_member';
    if (action.state !== 'pending') return 'confirmation_already_used';
    if (now - action.createdAt >= CONFIRM_TTL) return 'confirmation_expired';
    return this.checkRequest(clicker, action.request, now);
  }

  applyConfirm(action: ModelAction, now: number, undoId: string | undefined): void {
    action.state = 'done';
    const request = action.request;
    if (request.kind === 'revoke') {
      const invitation = this.pending(request.email);
      if (invitation) invitation.state = 'revoked';
    } else if (request.kind === 'role') {
      this.members.set(request.email, request.role);
      if (request.role === 'owner') this.terms.delete(request.email);
    } else if (request.kind === 'remove') {
      const role = this.members.get(request.email);
      if (undoId === undefined || role === undefined) throw new Error('model: a removal carries an undo');
      const term = this.terms.get(request.email);
      this.removals.push({
        undoId,
        email: request.email,
        role,
        term,
        removedBy: action.requester,
        removedAt: now,
        used: false,
      });
      this.members.delete(request.email);
      this.terms.delete(request.email);
    } else if (request.kind === 'transfer') {
      // The target becomes owner (a promotion to owner drops any end), the requester a member.
      this.members.set(request.email, 'owner');
      this.terms.delete(request.email);
      this.members.set(action.requester, 'member');
    } else {
      this.members.delete(action.requester);
      this.terms.delete(action.requester);
    }
  }

  checkCancel(action: ModelAction, clicker: string): Outcome {
    if (clicker !== action.requester) return 'confirmation_not_yours';
    return action.state === 'pending' ? 'ok' : 'confirmation_already_used';
  }
}
