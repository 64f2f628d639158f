import { COMMAND_NAMES, COMMANDS, type CommandName } from './table.ts';

/** One line of usage, in the grammar of SPEC §5 (Slack and the console share it). */
export function usageOf(command: CommandName): string {
  return COMMANDS[command].usage;
}

/** One line per command, usage then what it does, in the table's order. */
export function helpLines(prefix: string): string[] {
  const width = Math.max(...COMMAND_NAMES.map((name) => COMMANDS[name].usage.length));
  return COMMAND_NAMES.map((name) => {
    const { usage, description } = COMMANDS[name];
    return `${prefix}${usage.padEnd(width)}  ${description}`.trimEnd();
  });
}
