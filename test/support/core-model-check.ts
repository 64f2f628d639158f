import { expect } from 'vitest';
import { consoleCaller, expectOk } from './core-harness.ts';
import type { Run } from './core-model-run.ts';

/** The invariants of SPEC §2, read from the tables, and the model's view compared with `core.list`. */
export async function checkInvariants(run: Run): Promise<void> {
  const { store, orgId, model } = run;
  const members = await store.db
    .selectFrom('memberships')
    .select(['email', 'role'])
    .where('org_id', '=', orgId)
    .execute();
  const invitations = await store.db
    .selectFrom('invitations')
    .select(['id', 'email', 'state'])
    .where('org_id', '=', orgId)
    .execute();
  const pending = invitations.filter((i) => i.state === 'pending');

  expect(members.filter((m) => m.role === 'owner').length, 'at least one owner').toBeGreaterThanOrEqual(1);
  expect(members.length + pending.length, 'members plus pending within the limit').toBeLessThanOrEqual(model.limit);
  const memberEmails = new Set(members.map((m) => m.email));
  expect(
    pending.filter((p) => memberEmails.has(p.email)),
    'nobody both member and pending',
  ).toEqual([]);
  for (const invitation of invitations) {
    const before = run.seen.get(invitation.id);
    if (before !== undefined && before !== 'pending') {
      expect(invitation.state, `invitation ${invitation.id} left Pending once`).toBe(before);
    }
    run.seen.set(invitation.id, invitation.state);
  }

  const anyone = [...model.members.keys()][0];
  if (anyone === undefined) throw new Error('model lost every member');
  const roster = expectOk(await run.core.list(consoleCaller(anyone, run.workspaceId), { what: 'all' }));
  const byEmail = <T extends { email: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => a.email.localeCompare(b.email));
  expect(byEmail(roster.members).map((m) => ({ email: m.email, role: m.role }))).toEqual(
    byEmail([...model.members].map(([email, role]) => ({ email, role }))),
  );
  const now = run.clock();
  const live = model.invitations.filter((i) => i.state === 'pending' && i.expiresAt > now);
  expect(
    byEmail(roster.pending).map((p) => ({
      email: p.email,
      role: p.role,
      invitedBy: p.invitedBy,
      sentAt: p.sentAt,
      expiresAt: p.expiresAt,
    })),
  ).toEqual(
    byEmail(
      live.map((i) => ({
        email: i.email,
        role: i.role,
        invitedBy: i.invitedBy,
        sentAt: i.sentAt,
        expiresAt: i.expiresAt,
      })),
    ),
  );
}
