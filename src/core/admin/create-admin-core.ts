import type { CoreDeps } from '../deps.ts';
import type { AdminCore, SystemCaller } from './admin-api.ts';
import { bindOrg, createOrg, exportActivity, listOrgs } from './organizations.ts';
import { restoreOwner } from './restore-owner.ts';

/** The operator's core: each method is one admin use case, acting as `caller`. */
export function createAdminCore(deps: CoreDeps, caller: SystemCaller): AdminCore {
  return {
    createOrg: (input) => createOrg(deps, caller, input),
    bindOrg: (input) => bindOrg(deps, input),
    listOrgs: () => listOrgs(deps),
    restoreOwner: (input) => restoreOwner(deps, caller, input),
    exportActivity: (input) => exportActivity(deps, input),
  };
}
