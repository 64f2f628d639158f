import type { LinkCode, LinkOutcome } from '../../src/core/index.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { relativeTime } from '../shared/time.ts';

export function renderLinkCode(link: LinkCode, now: number): string {
  return (
    `Link code for ${link.orgName} (shown once, works once, expires ${relativeTime(link.expiresAt, now)}): ${link.code}\n` +
    `An admin of the other workspace runs there: /members link ${link.code} (Discord: /members link code:${link.code})`
  );
}

export function renderLinked(outcome: LinkOutcome): string {
  const on = outcome.platforms.map((p) => PLATFORM_NAMES[p]).join(' and ');
  return `This workspace is now part of ${outcome.orgName} (on ${on}); you act as ${outcome.email}.`;
}
