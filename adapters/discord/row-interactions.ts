import {
  type APIButtonComponent,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { type MembershipCore, type Result, ROLES, type RosterRow, type RowAction } from '../../src/core/index.ts';
import { roleLabel } from '../shared/roles.ts';
import {
  encodeChoice,
  PAGE_PATTERN,
  parseChoice,
  parsePage,
  parseRow,
  ROW_ACTION_LABELS,
  ROW_MENU_ID,
  type RowChoice,
} from '../shared/rows.ts';
import { describeError } from '../shared/wording.ts';
import { callerOf } from './caller.ts';
import { code } from './format.ts';
import type { MessageRow } from './message-rows.ts';
import { messages } from './messages.ts';
import { confirmationMessage } from './render-confirmation.ts';
import { resendText } from './render-invite.ts';
import { rosterPage } from './render-roster.ts';
import { sendReply } from './reply.ts';

const ROW_BUTTON_PREFIX = `${ROW_MENU_ID}:`;
const STALE = 'This menu is no longer in use: nothing changed. Run `/members list` again.';
const DANGER: ReadonlySet<RowAction> = new Set(['revoke', 'remove', 'leave']);

function button(
  choice: RowChoice,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: `${ROW_BUTTON_PREFIX}${encodeChoice(choice)}`, label, style };
}

/** What may be done to the chosen person, as buttons: Change role is one button per other role (at most 5 in all). */
export function rowButtons(row: RosterRow): MessageRow[] {
  const buttons = row.actions.flatMap((action) =>
    action === 'role'
      ? ROLES.filter((role) => role !== row.role).map((role) =>
          button({ action, row: row.ref, role }, `Change to ${roleLabel(role)}`, ButtonStyle.Primary),
        )
      : [
          button(
            { action, row: row.ref },
            ROW_ACTION_LABELS[action],
            DANGER.has(action) ? ButtonStyle.Danger : ButtonStyle.Secondary,
          ),
        ],
  );
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons.slice(0, 5) }];
}

/** The list's select: the chosen person and the buttons for what the caller may do to them, ephemeral. */
export async function handlePick(interaction: StringSelectMenuInteraction, core: MembershipCore): Promise<string> {
  const row = parseRow(interaction.values[0] ?? '');
  if (!row) {
    await interaction.reply({ content: STALE, flags: MessageFlags.Ephemeral });
    return 'row_not_found';
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const found = await core.describeRow(callerOf(interaction), { row });
  const result: Result<RosterRow> =
    found.ok && found.value.actions.length === 0 ? { ok: false, error: { code: 'row_action_not_allowed' } } : found;
  if (!result.ok) {
    await sendReply(interaction, { content: describeError(messages, result.error), outcome: result.error.code });
    return result.error.code;
  }
  const { email, role, state } = result.value;
  const content = `${code(email)}: ${roleLabel(role)}, ${state === 'member' ? 'member' : 'pending invitation'}. What would you like to do?`;
  await sendReply(interaction, { content, components: rowButtons(result.value), outcome: 'ok' });
  return 'ok';
}

/** A row button: Resend at once; the rest ask for the usual confirmation (SPEC §3), ephemeral. */
export async function handleRowButton(interaction: ButtonInteraction, core: MembershipCore): Promise<string> {
  const choice = parseChoice(interaction.customId.slice(ROW_BUTTON_PREFIX.length));
  if (!choice || choice.action === 'accept' || choice.action === 'decline') {
    await interaction.reply({ content: STALE, flags: MessageFlags.Ephemeral });
    return 'row_not_found';
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const caller = callerOf(interaction);
  const role = 'role' in choice ? choice.role : undefined;
  const reply =
    choice.action === 'resend'
      ? answerWith(await core.resendRow(caller, { row: choice.row }), (v) => ({ content: resendText(v) }))
      : answerWith(
          await core.requestRowAction(caller, {
            row: choice.row,
            action: choice.action,
            ...(role === undefined ? {} : { role }),
          }),
          confirmationMessage,
        );
  await sendReply(interaction, reply);
  return reply.outcome;
}

function answerWith<T>(result: Result<T>, render: (value: T) => { content: string; components?: MessageRow[] }) {
  if (!result.ok) return { content: describeError(messages, result.error), outcome: result.error.code };
  return { ...render(result.value), outcome: 'ok' };
}

/** Previous / Next of a list: the message is replaced by that page, read afresh. */
export async function handleListPage(interaction: ButtonInteraction, core: MembershipCore): Promise<string> {
  const target = parsePage(interaction.customId);
  if (target?.surface !== 'list') {
    await interaction.reply({ content: STALE, flags: MessageFlags.Ephemeral });
    return 'unknown_button';
  }
  await interaction.deferUpdate();
  const roster = await core.list(callerOf(interaction), { what: target.what });
  if (!roster.ok) {
    await interaction.followUp({ content: describeError(messages, roster.error), flags: MessageFlags.Ephemeral });
    return roster.error.code;
  }
  await sendReply(interaction, { ...rosterPage(roster.value, target.what, target.page), outcome: 'ok' });
  return 'ok';
}

export function isRowButton(customId: string): boolean {
  return customId.startsWith(ROW_BUTTON_PREFIX);
}

export function isPageButton(customId: string): boolean {
  return PAGE_PATTERN.test(customId);
}
