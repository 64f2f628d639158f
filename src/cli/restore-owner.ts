import type { Transaction } from 'kysely';
import type { Role } from '../core/index.ts';
import type { Store } from '../store/connect.ts';
import type { Database } from '../store/schema.ts';
import { CliFailure } from './cli-io.ts';
import { CLI_ACTOR } from './org-admin.ts';

export type RestoreOutcome =
  | { kind: 'already_owner' }
  | { kind: 'promoted'; from: Role }
  | { kind: 'added'; revokedInvitation: boolean };

type Trx = Transaction<Database>;

async function record(trx: Trx, row: { orgId: string; now: number; action: string; email: string; details: object }) {
  await trx
    .insertInto('activity')
    .values({
      org_id: row.orgId,
      at: row.now,
      actor: CLI_ACTOR,
      action: row.action,
      subject: row.email,
      details: JSON.stringify(row.details),
    })
    .execute();
}

/** Seats taken now: verified members plus pending invitations (SPEC §2's limit). */
async function seatsUsed(trx: Trx, orgId: string): Promise<number> {
  const members = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const pending = await trx
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(members.n) + Number(pending.n);
}

/**
 * Break-glass (`rollcall owner restore`): makes `email` an owner whatever the chat permissions,
 * creating the membership if needed and revoking a pending invitation for it (a user is never
 * both member and invitee). The member limit still holds.
 */
export async function restoreOwner(
  store: Store,
  now: number,
  input: { orgId: string; email: string },
): Promise<RestoreOutcome> {
  const { orgId, email } = input;
  return store.db.transaction().execute(async (trx) => {
    // The same version bump the core takes first: it serializes us with every other writer of this org.
    const bumped = await trx
      .updateTable('organizations')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) throw new CliFailure(`No organization with id ${orgId}.`);
    const membership = await trx
      .selectFrom('memberships')
      .select('role')
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .executeTakeFirst();
    if (membership?.role === 'owner') return { kind: 'already_owner' };
    if (membership) {
      await trx
        .updateTable('memberships')
        .set({ role: 'owner' })
        .where('org_id', '=', orgId)
        .where('email', '=', email)
        .execute();
      await record(trx, { orgId, now, action: 'owner_restored', email, details: { from: membership.role } });
      return { kind: 'promoted', from: membership.role };
    }
    const revoked = await trx
      .updateTable('invitations')
      .set({ state: 'revoked', resolved_at: now })
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    const revokedInvitation = Number(revoked.numUpdatedRows) > 0;
    const org = await trx
      .selectFrom('organizations')
      .select('member_limit')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    if ((await seatsUsed(trx, orgId)) + 1 > org.member_limit) {
      throw new CliFailure(`The organization is full (limit ${org.member_limit}); ${email} cannot be added.`);
    }
    await trx.insertInto('memberships').values({ org_id: orgId, email, role: 'owner', joined_at: now }).execute();
    if (revokedInvitation) {
      await record(trx, { orgId, now, action: 'invitation_revoked', email, details: { reason: 'owner restored' } });
    }
    await record(trx, { orgId, now, action: 'owner_restored', email, details: { from: 'none' } });
    return { kind: 'added', revokedInvitation };
  });
}
