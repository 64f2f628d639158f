import { describe, expect, it } from 'vitest';
import { consoleHelp } from '../../adapters/console/help-text.ts';
import { helpText as discordHelp, membersCommand } from '../../adapters/discord/commands/index.ts';
import { helpReply } from '../../adapters/slack/commands/help.ts';
import type { ArgKind, ArgSpec } from '../../src/commands/args.ts';
import { parseCommand } from '../../src/commands/parse-command.ts';
import { COMMAND_NAMES, COMMANDS, type CommandName } from '../../src/commands/table.ts';

describe('the /members grammar', () => {
  it('reads several emails separated by spaces and commas, with a role after "as"', () => {
    expect(parseCommand('invite  a@x.com,b@x.com ,  c@x.com as billing-admin')).toEqual({
      name: 'invite',
      emails: [{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'c@x.com' }],
      role: 'billing-admin',
    });
  });

  it('takes a trailing role word without "as", and leaves the role out when there is none', () => {
    expect(parseCommand('invite a@x.com Owner')).toEqual({
      name: 'invite',
      emails: [{ email: 'a@x.com' }],
      role: 'Owner',
    });
    expect(parseCommand('invite a@x.com')).toEqual({ name: 'invite', emails: [{ email: 'a@x.com' }] });
  });

  it('reads a time limit after "for", before or after the role, with spaces kept for the core to parse', () => {
    const alice = [{ email: 'a@x.com' }];
    expect(parseCommand('invite a@x.com for 30d')).toEqual({ name: 'invite', emails: alice, duration: '30d' });
    expect(parseCommand('invite a@x.com as billing FOR 2w')).toEqual({
      name: 'invite',
      emails: alice,
      role: 'billing',
      duration: '2w',
    });
    expect(parseCommand('invite a@x.com for 3 days as member')).toEqual({
      name: 'invite',
      emails: alice,
      role: 'member',
      duration: '3 days',
    });
    expect(parseCommand('invite a@x.com for')).toEqual({ name: 'usage', command: 'invite' });
    expect(parseCommand('extend a@x.com 1d 12h')).toEqual({
      name: 'extend',
      email: { email: 'a@x.com' },
      duration: '1d 12h',
    });
    expect(parseCommand('extend a@x.com')).toEqual({ name: 'usage', command: 'extend' });
  });

  it('keeps an unknown role after "as" for the core to refuse by name', () => {
    expect(parseCommand('invite a@x.com as boss')).toMatchObject({ role: 'boss' });
  });

  it('understands Slack’s mailto links, user mentions and channel links', () => {
    expect(parseCommand('remove <mailto:Alice@X.com|Alice@X.com>')).toEqual({
      name: 'remove',
      email: { email: 'Alice@X.com' },
    });
    expect(parseCommand('role <@U123|alice> owner')).toEqual({
      name: 'role',
      email: { userId: 'U123' },
      role: 'owner',
    });
    expect(parseCommand('revoke <@U9>')).toEqual({ name: 'revoke', email: { userId: 'U9' } });
    expect(parseCommand('channel <#C42|general>')).toEqual({ name: 'channel', channelId: 'C42' });
  });

  it('answers missing or extra words with that command’s usage, unknown words with help', () => {
    expect(parseCommand('remove')).toEqual({ name: 'usage', command: 'remove' });
    expect(parseCommand('role a@x.com')).toEqual({ name: 'usage', command: 'role' });
    expect(parseCommand('leave now')).toEqual({ name: 'usage', command: 'leave' });
    expect(parseCommand('list everything')).toEqual({ name: 'usage', command: 'list' });
    expect(parseCommand('dance')).toEqual({ name: 'unknown', word: 'dance' });
    expect(parseCommand('   ')).toEqual({ name: 'help' });
  });

  it('keeps the organization name whole, spaces included', () => {
    expect(parseCommand('setup  Acme Widgets, Inc. ')).toEqual({ name: 'setup', orgName: 'Acme Widgets, Inc.' });
  });

  it('reads optional codes and pages', () => {
    expect(parseCommand('accept ABC')).toEqual({ name: 'accept', code: 'ABC' });
    expect(parseCommand('decline')).toEqual({ name: 'decline' });
    expect(parseCommand('activity 2')).toEqual({ name: 'activity', page: '2' });
    expect(parseCommand('list pending')).toEqual({ name: 'list', what: 'pending' });
  });
});

describe('the command table', () => {
  const EXAMPLES: Readonly<Record<ArgKind, string>> = {
    emails: 'a@x.com b@x.com',
    email: 'a@x.com',
    role: 'owner',
    code: 'ABC',
    page: '2',
    channel: '#general',
    text: 'Acme Widgets',
    choice: 'members',
    word: 'example.com',
    duration: '30d',
  };
  const example = (name: CommandName) => {
    const args: readonly ArgSpec[] = COMMANDS[name].args;
    return [name, ...args.map((arg) => arg.choices?.[0] ?? EXAMPLES[arg.kind])].join(' ');
  };

  it.each(COMMAND_NAMES)('parses "%s" with every argument the table gives it', (name) => {
    expect(parseCommand(example(name))).toMatchObject({ name });
  });

  it.each(
    COMMAND_NAMES.filter(
      (name) => !COMMANDS[name].args.some((a) => a.kind === 'emails' || a.kind === 'text' || a.kind === 'duration'),
    ),
  )('answers "%s" with a word too many with its usage', (name) => {
    expect(parseCommand(`${example(name)} extra`)).toEqual({ name: 'usage', command: name });
  });

  it('generates every help text and the Discord registration from the table, in its order', () => {
    const slack = helpReply().text;
    const console = consoleHelp();
    const discord = discordHelp();
    for (const name of COMMAND_NAMES) {
      expect(slack).toContain(`/members ${COMMANDS[name].usage.split(' ')[0]}`);
      expect(console).toContain(`  ${COMMANDS[name].usage}`);
      expect(discord).toContain(`/members ${name}`);
    }
    expect(membersCommand().options?.map((option) => option.name)).toEqual(COMMAND_NAMES);
  });
});
