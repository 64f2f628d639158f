import type { Platform } from './model.ts';

/** What the core must know of a chat platform, told by the runtime rather than assumed here. */
export interface PlatformFacts {
  /**
   * 'global' when a user id names one person on every workspace of the platform (so a linked
   * account follows them everywhere); 'workspace' when user ids are only unique within one.
   */
  readonly identityScope: 'global' | 'workspace';
  /** Whether the platform can find a person from an email alone, so a DM may be addressed by email. */
  readonly reachesByEmail: boolean;
}

export type PlatformDirectory = Readonly<Record<Platform, PlatformFacts>>;

/** Where a chat account of this caller's platform is stored: '' for platforms with global user ids. */
export function identityWorkspace(platforms: PlatformDirectory, platform: Platform, workspaceId: string): string {
  return platforms[platform].identityScope === 'global' ? '' : workspaceId;
}
