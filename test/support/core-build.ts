import {
  type Clock,
  type CoreSettings,
  createMembershipCore,
  HOUR,
  type MembershipCore,
  type OrgChange,
} from '../../src/core/index.ts';
import { PLATFORM_FACTS } from '../../src/platforms.ts';
import type { Store } from '../../src/store/connect.ts';

export const INVITE_TTL_MS = 48 * HOUR;

/** The settings the runtime would pass, with SPEC defaults; a test overrides what it is about. */
export function testSettings(overrides: Partial<CoreSettings> = {}): CoreSettings {
  return { inviteTtlMs: INVITE_TTL_MS, orgMaxMembers: 100, platforms: PLATFORM_FACTS, ...overrides };
}

/**
 * The one way every harness builds the real core (no vitest import: benches run it under tsx).
 * `afterCommit` is the runtime's post-commit hook, for harnesses whose adapter shows live state.
 */
export function buildCore(
  store: Store,
  clock: Clock,
  overrides: Partial<CoreSettings> = {},
  afterCommit?: (change: OrgChange) => void,
): MembershipCore {
  return createMembershipCore({
    store,
    clock,
    settings: testSettings(overrides),
    ...(afterCommit ? { afterCommit } : {}),
  });
}
