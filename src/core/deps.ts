import type { Store } from '../store/connect.ts';
import type { Clock } from './clock.ts';
import type { PlatformDirectory } from './platform-facts.ts';

export interface CoreSettings {
  readonly inviteTtlMs: number;
  /** The member limit given to new organizations (SPEC §1: 100 by default). */
  readonly orgMaxMembers: number;
  /** How each platform identifies and reaches people, supplied by the runtime (src/platforms.ts). */
  readonly platforms: PlatformDirectory;
  /** SMTP is configured: invitations, removals and role changes are emailed too (SPEC §6, §9). */
  readonly sendsEmail?: boolean;
}

/** What a committed transaction changed: the organizations it recorded activity or queued notices for. */
export interface OrgChange {
  readonly orgIds: readonly string[];
}

export interface CoreDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: CoreSettings;
  /**
   * Called after a transaction that changed organizations (recorded activity or queued notices) has
   * committed, with their ids: the runtime kicks delivery, the Slack adapter republishes open Homes.
   * Must not throw or block: the command's answer does not wait for it.
   */
  readonly afterCommit?: (change: OrgChange) => void;
}
