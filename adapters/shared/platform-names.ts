import type { Platform } from '../../src/core/model.ts';

/** How a platform is named in a sentence ("Acme is now also on Discord"), on every surface. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  slack: 'Slack',
  discord: 'Discord',
  console: 'the console',
};
