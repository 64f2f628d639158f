import { writeAsMember } from '../access.ts';
import type { RequestOutcome } from '../api.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { openRequest } from '../open-request.ts';
import { err, type Result } from '../result.ts';
import { parseRole } from '../roles.ts';

/**
 * A member asks the owners for a role for themselves (SPEC §12). Owners change roles directly, so
 * they have nothing to ask; asking for the role one holds changes nothing.
 */
export async function requestRole(
  deps: CoreDeps,
  caller: Caller,
  input: { role: string },
): Promise<Result<RequestOutcome>> {
  return writeAsMember(deps, caller, {}, async (trx, member) => {
    const role = parseRole(input.role);
    if (role === undefined) return err({ code: 'invalid_role', input: input.role });
    if (member.role === role) return err({ code: 'same_role', email: member.email, role });
    if (member.role === 'owner') return err({ code: 'request_not_needed', role });
    return openRequest(deps, trx, member, { purpose: 'role', role });
  });
}
