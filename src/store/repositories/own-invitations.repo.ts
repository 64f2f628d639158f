import { sql } from 'kysely';
import type { Executor } from './executor.ts';
import { type Invitation, toInvitation } from './invitations.repo.ts';

/** A pending invitation addressed to someone, with the name of the organization it is from. */
export interface AddressedInvitation {
  readonly invitation: Invitation;
  readonly orgName: string;
}

/** More than a person could answer from one screen; a Home shows at most this many offers. */
const MAX_OFFERS = 20;

/** Pending invitations to this email whose time has not run out, from any organization, soonest to expire first. */
export async function pendingAddressedTo(db: Executor, email: string, now: number): Promise<AddressedInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .selectAll('invitations')
    .select('organizations.name as org_name')
    .where('invitations.email', '=', email)
    .where('invitations.state', '=', sql.lit<'pending'>('pending'))
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.expires_at')
    .limit(MAX_OFFERS)
    .execute();
  return rows.map(({ org_name, ...row }) => ({ invitation: toInvitation(row), orgName: org_name }));
}
