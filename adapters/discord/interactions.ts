import { type ChatInputCommandInteraction, type Client, Events, type Interaction, MessageFlags } from 'discord.js';
import type { MembershipCore } from '../../src/core/index.ts';
import { type Logger, logUnexpected } from '../../src/log.ts';
import type { Metrics } from '../../src/metrics.ts';
import { TRANSFER_PICKER_ID } from '../shared/transfer-picker.ts';
import { handleAutocomplete } from './autocomplete.ts';
import { buttonKind, handleButton } from './buttons.ts';
import { callerOf } from './caller.ts';
import { helpText, runSubcommand, subcommandOf } from './commands/index.ts';
import { sendReply, tellUnexpected } from './reply.ts';
import { handleListPage, handlePick, handleRowButton, isPageButton, isRowButton } from './row-interactions.ts';
import { handleTransferPick } from './transfer-picker.ts';

export interface InteractionDeps {
  readonly core: MembershipCore;
  readonly log: Logger;
  readonly metrics: Metrics;
}

async function runCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps, usage: string) {
  const name = subcommandOf(interaction);
  // Acknowledge first: the core may outlast Discord's 3-second window. Ephemeral, because
  // nearly every answer names people by email.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await runSubcommand(interaction, name, {
    core: deps.core,
    caller: callerOf(interaction),
    helpText: usage,
  });
  deps.metrics.commands.inc({ platform: 'discord', command: name, outcome: reply.outcome });
  await sendReply(interaction, reply);
}

async function route(interaction: Interaction, deps: InteractionDeps, usage: string): Promise<void> {
  if (interaction.isChatInputCommand()) {
    await runCommand(interaction, deps, usage);
  } else if (interaction.isAutocomplete()) {
    await handleAutocomplete(interaction, deps.core);
  } else if (interaction.isButton() && isRowButton(interaction.customId)) {
    const outcome = await handleRowButton(interaction, deps.core);
    deps.metrics.commands.inc({ platform: 'discord', command: 'button:row', outcome });
  } else if (interaction.isButton() && isPageButton(interaction.customId)) {
    const outcome = await handleListPage(interaction, deps.core);
    deps.metrics.commands.inc({ platform: 'discord', command: 'button:page', outcome });
  } else if (interaction.isButton()) {
    const outcome = await handleButton(interaction, deps.core);
    deps.metrics.commands.inc({ platform: 'discord', command: `button:${buttonKind(interaction.customId)}`, outcome });
  } else if (interaction.isStringSelectMenu() && interaction.customId === TRANSFER_PICKER_ID) {
    const outcome = await handleTransferPick(interaction, deps.core);
    deps.metrics.commands.inc({ platform: 'discord', command: 'transfer', outcome });
  } else if (interaction.isStringSelectMenu()) {
    const outcome = await handlePick(interaction, deps.core);
    deps.metrics.commands.inc({ platform: 'discord', command: 'select:pick', outcome });
  }
}

/** Routes every interaction; the one boundary catch of the Discord adapter lives here. */
export function listenForInteractions(client: Client, deps: InteractionDeps): void {
  const usage = helpText();
  client.on(Events.InteractionCreate, (interaction) => {
    void route(interaction, deps, usage).catch(async (error: unknown) => {
      const ref = logUnexpected(deps.log, error, { platform: 'discord', interactionId: interaction.id });
      deps.metrics.commands.inc({ platform: 'discord', command: 'interaction', outcome: 'error' });
      await tellUnexpected(interaction, ref).catch((replyError: unknown) => {
        deps.log.warn({ err: replyError, ref }, 'could not tell the user about an unexpected error');
      });
    });
  });
}
