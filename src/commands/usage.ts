import type { CommandName } from './parse-command.ts';

/** One line of usage per command, in the grammar of SPEC §5 (Slack and the console share it). */
export const USAGE: Readonly<Record<CommandName, string>> = {
  invite: 'invite <email>[ <email>…] [as] [owner|billing-admin|member] (default: member)',
  list: 'list [members|pending]',
  revoke: 'revoke <email>',
  resend: 'resend <email>',
  role: 'role <email> <owner|billing-admin|member>',
  remove: 'remove <email>',
  leave: 'leave',
  accept: 'accept [code]',
  decline: 'decline [code]',
  activity: 'activity [page]',
  setup: 'setup <organization name>',
  channel: 'channel <#channel>',
  help: 'help',
};

export function helpText(prefix: string): string {
  return Object.values(USAGE)
    .map((line) => `${prefix} ${line}`)
    .join('\n');
}
