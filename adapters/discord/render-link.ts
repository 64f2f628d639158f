import { escapeMarkdown } from 'discord.js';
import type { LinkCode, LinkOutcome } from '../../src/core/index.ts';
import { PLATFORM_NAMES } from '../shared/platform-names.ts';
import { code, when } from './format.ts';

/** The code is shown once, in the owner's ephemeral reply only. */
export function linkCodeText(link: LinkCode): string {
  return (
    `Link code for **${escapeMarkdown(link.orgName)}**: ${code(link.code)} (works once, expires ${when(link.expiresAt, 'R')}).\n` +
    `In Slack, a workspace admin runs \`/members link ${link.code}\`; on another Discord server, a server manager runs \`/members link code:${link.code}\`.`
  );
}

export function linkedText(outcome: LinkOutcome): string {
  const on = outcome.platforms.map((p) => PLATFORM_NAMES[p]).join(' and ');
  const channel = outcome.channelSet ? '' : ' Choose where notifications go here with `/members channel`.';
  return `This server is now part of **${escapeMarkdown(outcome.orgName)}** (on ${on}); you act as ${code(outcome.email)}.${channel}`;
}
