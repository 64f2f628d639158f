import type { PlatformDirectory } from './core/index.ts';

/**
 * The platform facts the core is told rather than knowing (src/core names no platform):
 * - Slack user ids (`U…`) are unique within a workspace only, and `users.lookupByEmail` finds a
 *   member of the workspace from their email, so Slack can DM a person known only by email.
 * - Discord user ids are global snowflakes, one per person across every server, and bots never see
 *   emails: a Discord DM needs a linked account.
 * - The console prints to its terminal, which reaches whoever is named.
 */
export const PLATFORM_FACTS: PlatformDirectory = {
  slack: { identityScope: 'workspace', reachesByEmail: true },
  discord: { identityScope: 'global', reachesByEmail: false },
  console: { identityScope: 'workspace', reachesByEmail: true },
};
