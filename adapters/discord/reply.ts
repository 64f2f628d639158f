import {
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';
import type { Reply } from './commands/types.ts';

/** Discord refuses message content above 2,000 characters. */
const MAX_CONTENT = 2000;
/** Replies show emails, which must never ping or link anyone. */
const NO_MENTIONS = { parse: [] };

/** Splits on line breaks into pages Discord accepts; a single overlong line is cut. */
export function pages(content: string): string[] {
  const result: string[] = [];
  let page = '';
  for (const line of content.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += MAX_CONTENT) {
      const piece = line.slice(start, start + MAX_CONTENT);
      const joined = page === '' ? piece : `${page}\n${piece}`;
      if (joined.length > MAX_CONTENT) {
        result.push(page);
        page = piece;
      } else {
        page = joined;
      }
    }
  }
  result.push(page);
  return result;
}

/**
 * Fills in the deferred ephemeral reply (or, for a deferred component update, its message); a long
 * list continues in ephemeral follow-ups.
 */
export async function sendReply(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  reply: Reply,
): Promise<void> {
  const [first = '', ...rest] = pages(reply.content);
  await interaction.editReply({ content: first, components: reply.components ?? [], allowedMentions: NO_MENTIONS });
  for (const content of rest) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }
}

/** What the boundary catch shows: the reference id of the log line, nothing of the error. */
export async function tellUnexpected(interaction: Interaction, ref: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const content = `Something went wrong on my side (reference \`${ref}\`). Try again; if it keeps failing, give this reference to whoever runs Rollcall.`;
  if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied) {
    await interaction.editReply({ content, components: [] });
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}
