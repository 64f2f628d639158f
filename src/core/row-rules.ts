import { createHash } from 'node:crypto';
import type { RowAction } from './api.ts';
import type { Role } from './model.ts';

/** Resend is offered once its ten minutes have passed (SPEC §2), so a menu never offers a sure refusal. */
export const RESEND_INTERVAL_MS = 10 * 60_000;

export interface Viewer {
  readonly email: string;
  readonly role: Role;
}

/**
 * A member's row handle: 132 bits of a hash of the organization and the email. It names nobody to
 * whoever reads it (emails are too long for Slack's 150-character option values anyway), and it is
 * resolved only among the members of the clicker's own organization, so a forged one finds nobody.
 */
export function memberRef(orgId: string, email: string): string {
  const key = `${orgId}\u0000${email}`;
  let ref = knownRefs.get(key);
  if (ref === undefined) {
    ref = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    // Every list and Home hashes each row again: a hundred hashes a list was 4% of its CPU.
    if (knownRefs.size >= KNOWN_REFS) knownRefs.clear();
    knownRefs.set(key, ref);
  }
  return ref;
}

/** Handles already computed, by organization and email; bounded, since a handle is cheap to make again. */
const knownRefs = new Map<string, string>();
const KNOWN_REFS = 20_000;

/**
 * What a viewer may do to a member's row, in menu order: their own row offers Leave (unless they are
 * the only owner); an owner may change anyone else's role or remove them. Nobody else may do anything.
 */
export function memberRowActions(viewer: Viewer, target: { readonly email: string }, owners: number): RowAction[] {
  if (target.email === viewer.email) return viewer.role === 'owner' && owners <= 1 ? [] : ['leave'];
  return viewer.role === 'owner' ? ['role', 'remove'] : [];
}

/** An owner, or whoever sent it, may resend (once its ten minutes passed) and revoke (while it can be accepted). */
export function invitationRowActions(
  viewer: Viewer,
  invitation: { readonly invitedBy: string; readonly sentAt: number; readonly expiresAt: number },
  now: number,
): RowAction[] {
  if (viewer.role !== 'owner' && invitation.invitedBy !== viewer.email) return [];
  return [
    ...(now - invitation.sentAt >= RESEND_INTERVAL_MS ? (['resend'] as const) : []),
    ...(invitation.expiresAt > now ? (['revoke'] as const) : []),
  ];
}
