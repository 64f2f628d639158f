import type { Config } from '../config.ts';
import {
  type AdminCore,
  type AdminError,
  type AdminErrorCode,
  type AdminResult,
  createAdminCore,
  systemClock,
} from '../core/index.ts';
import { PLATFORM_FACTS } from '../platforms.ts';
import { CliFailure } from './cli-io.ts';
import { withStore } from './open-store.ts';

/** Who the activity log and the notices name for changes made from this CLI. */
const CLI_CALLER = { actor: 'cli' } as const;

/** The operator's wording of every admin refusal; a new code does not compile until it is worded. */
const MESSAGES: { readonly [C in AdminErrorCode]: (error: Extract<AdminError, { code: C }>) => string } = {
  org_not_found: (e) => `No organization with id ${e.orgId}.`,
  invalid_org_name: (e) => `The name needs 1 to ${e.maxLength} characters.`,
  workspace_taken: (e) => `${e.platform} ${e.workspaceId} is already bound to organization ${e.orgId}.`,
  org_already_bound: (e) => `${e.orgName} is already bound to ${e.platform} ${e.workspaceId}.`,
  org_full: (e) => `The organization is full (limit ${e.limit}); ${e.email} cannot be added.`,
};

function describe<C extends AdminErrorCode>(error: Extract<AdminError, { code: C }>): string {
  return (MESSAGES[error.code] as (e: typeof error) => string)(error);
}

/** The value of an admin result; a refusal becomes the CLI's one-line failure (exit 1). */
export function orFail<T>(result: AdminResult<T>): T {
  if (result.ok) return result.value;
  throw new CliFailure(describe(result.error));
}

/** Runs `work` with the admin core over DATABASE_URL (migrated), on the system clock, and closes the store. */
export function withAdminCore<T>(config: Config, work: (admin: AdminCore) => Promise<T>): Promise<T> {
  return withStore(config, (store) => {
    const settings = {
      inviteTtlMs: config.inviteTtlMs,
      orgMaxMembers: config.orgMaxMembers,
      platforms: PLATFORM_FACTS,
    };
    return work(createAdminCore({ store, clock: systemClock, settings }, CLI_CALLER));
  });
}
