import type { LinkCode, LinkOutcome } from '../../../src/core/index.ts';
import { PLATFORM_NAMES } from '../../shared/platform-names.ts';
import { relativeTime } from '../../shared/time.ts';
import { escapeText, type SlackReply } from './reply.ts';

/** The code is shown once, in the owner's ephemeral reply only. */
export function linkCodeReply(link: LinkCode, now: number): SlackReply {
  return {
    text:
      `:link: Link code for *${escapeText(link.orgName)}*: \`${link.code}\` (works once, expires ${relativeTime(link.expiresAt, now)}).\n` +
      `On Discord, a server manager runs \`/members link code:${link.code}\`; in another Slack workspace, an admin runs \`/members link ${link.code}\`.`,
  };
}

export function linkedReply(outcome: LinkOutcome): SlackReply {
  const on = outcome.platforms.map((p) => PLATFORM_NAMES[p]).join(' and ');
  const channel = outcome.channelSet ? '' : ' Choose where notifications go here with `/members channel #channel`.';
  return {
    text: `:white_check_mark: This workspace is now part of *${escapeText(outcome.orgName)}* (on ${on}); you act as ${escapeText(outcome.email)}.${channel}`,
  };
}
