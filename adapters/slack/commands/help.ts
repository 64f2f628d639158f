import type { CommandName } from '../../../src/commands/table.ts';
import { helpLines, usageOf } from '../../../src/commands/usage.ts';
import { escapeText, type SlackReply } from '../render/reply.ts';

export function helpReply(unknownWord?: string): SlackReply {
  const intro =
    unknownWord === undefined
      ? '*Rollcall* manages who belongs to your organization.'
      : `I don't know \`${escapeText(unknownWord)}\`. Here is what I understand:`;
  return { text: `${intro}\n\`\`\`\n${escapeText(helpLines('/members ').join('\n'))}\`\`\`` };
}

export function usageReply(command: CommandName): SlackReply {
  return { text: `Usage: \`/members ${escapeText(usageOf(command))}\`` };
}
