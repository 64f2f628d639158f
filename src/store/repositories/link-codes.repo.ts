import type { Executor } from './executor.ts';

/** An organization's live link code, as stored: its hash, who made it, until when it works. */
export interface StoredLinkCode {
  readonly orgId: string;
  readonly codeHash: string;
  readonly createdBy: string;
  readonly expiresAt: number;
}

/** Stores the organization's code, replacing any earlier one: one live code per organization. */
export async function replaceLinkCode(
  db: Executor,
  code: { orgId: string; codeHash: string; createdBy: string; now: number; expiresAt: number },
): Promise<void> {
  await db.deleteFrom('link_codes').where('org_id', '=', code.orgId).execute();
  await db
    .insertInto('link_codes')
    .values({
      org_id: code.orgId,
      code_hash: code.codeHash,
      created_by: code.createdBy,
      created_at: code.now,
      expires_at: code.expiresAt,
    })
    .execute();
}

export async function findLinkCode(db: Executor, codeHash: string): Promise<StoredLinkCode | undefined> {
  const row = await db.selectFrom('link_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
  return (
    row && { orgId: row.org_id, codeHash: row.code_hash, createdBy: row.created_by, expiresAt: Number(row.expires_at) }
  );
}

/** Spends the code; false when another redeemer spent it first. */
export async function deleteLinkCode(db: Executor, orgId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('link_codes')
    .where('org_id', '=', orgId)
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
