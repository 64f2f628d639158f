import { replaceLinkCode } from '../../store/repositories/link-codes.repo.ts';
import { writeAsMember } from '../access.ts';
import type { LinkCode } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';
import { hashCode, newLinkCode } from '../secret-codes.ts';

/** SPEC §12: a link code works for 15 minutes. */
export const LINK_CODE_TTL_MS = 15 * 60_000;

/** An owner's code for binding another platform's workspace; it replaces any earlier code of the organization. */
export async function createLinkCode(deps: CoreDeps, caller: Caller): Promise<Result<LinkCode>> {
  return writeAsMember(deps, caller, { ownerOnly: true }, async (trx, owner) => {
    const now = deps.clock();
    const code = newLinkCode();
    const expiresAt = now + LINK_CODE_TTL_MS;
    await replaceLinkCode(trx, {
      orgId: owner.org.orgId,
      codeHash: hashCode(code),
      createdBy: owner.email,
      now,
      expiresAt,
    });
    return ok({ code, expiresAt, orgName: owner.org.orgName });
  });
}
