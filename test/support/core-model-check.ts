import { expect } from 'vitest';
import type { NotificationEvent } from '../../src/core/index.ts';
import { consoleCaller, expectOk } from './core-harness.ts';
import { checkRequests } from './core-model-requests.ts';
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
  expect(byEmail(roster.members).map((m) => ({ email: m.email, role: m.role, endsAt: m.endsAt }))).toEqual(
    byEmail([...model.members].map(([email, role]) => ({ email, role, endsAt: model.terms.get(email)?.endsAt }))),
  );
  await checkScheduled(run);
  await checkRequests(run);
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

/**
 * SPEC §12's scheduled work: each reminder sent once per time to live and only while its invitation
 * was pending; each end carried out once, by the system.
 */
async function checkScheduled(run: Run): Promise<void> {
  const { store, orgId, model } = run;
  const outbox = await store.db
    .selectFrom('outbox')
    .select(['event', 'created_at'])
    .where('org_id', '=', orgId)
    .execute();
  const resolved = new Map(
    (await store.db.selectFrom('invitations').select(['id', 'resolved_at']).where('org_id', '=', orgId).execute()).map(
      (i) => [i.id, i.resolved_at],
    ),
  );
  const reminders = outbox.flatMap((row) => {
    const event = JSON.parse(row.event) as NotificationEvent;
    return event.kind === 'invitation_reminder' ? [{ event, at: row.created_at }] : [];
  });
  const keys = reminders.map(({ event }) => `${event.invitationId}:${event.which}:${event.expiresAt}`);
  expect(new Set(keys).size, 'each reminder sent once').toBe(keys.length);
  for (const { event, at } of reminders) {
    expect(at, 'a reminder comes before its expiry').toBeLessThan(event.expiresAt);
    expect(at, 'never a reminder for a settled invitation').toBeLessThanOrEqual(
      resolved.get(event.invitationId) ?? Number.POSITIVE_INFINITY,
    );
  }
  const ends = await store.db
    .selectFrom('activity')
    .select('subject')
    .where('org_id', '=', orgId)
    .where('actor', '=', 'system')
    .where('action', '=', 'member_removed')
    .execute();
  expect(ends.length, 'each end carried out once').toBe(model.ended);
}
