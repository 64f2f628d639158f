import type { Caller, MembershipCore, PendingConfirmation, Result } from '../core/index.ts';
import type { ArgSpec, ParsedFields, ResolvedFields } from './args.ts';

/** Who may run a command. The core enforces it; the table only says it, for help and docs. */
export type Who = 'anyone' | 'member' | 'owner' | 'owner_or_inviter' | 'platform_admin' | 'invitee';

interface PlainSpec<A extends readonly ArgSpec[]> {
  /** In the order the grammar reads them and Discord lists them. */
  readonly args: A;
  /** The grammar of SPEC §5, without `/members` (Slack and the console share it). */
  readonly usage: string;
  /** One line for help texts and Discord's command picker. */
  readonly description: string;
  readonly who: Who;
  /** The core call the command maps to (null: answered by the adapter, e.g. help). */
  readonly core: keyof MembershipCore | null;
}

interface ConfirmableSpec<A extends readonly ArgSpec[]> extends PlainSpec<A> {
  /**
   * Stores the pending action a confirm button will carry (SPEC §3). Every adapter runs it the
   * same way, so a confirmable command needs no handler of its own, only its wording.
   */
  readonly request: (
    core: MembershipCore,
    caller: Caller,
    args: ResolvedFields<A>,
  ) => Promise<Result<PendingConfirmation>>;
}

/** Any entry of the table; `request` is present exactly when the command needs confirmation. */
export type CommandSpec = PlainSpec<readonly ArgSpec[]> & {
  readonly request?: (core: MembershipCore, caller: Caller, args: never) => Promise<Result<PendingConfirmation>>;
};

// `const` keeps each entry's argument names and kinds literal, so the parsed types follow from them.
const plain = <const A extends readonly ArgSpec[]>(spec: PlainSpec<A>) => spec;
const confirmable = <const A extends readonly ArgSpec[]>(spec: ConfirmableSpec<A>) => spec;

const MEMBER_EMAIL = { name: 'email', kind: 'email', suggest: 'members', description: "The member's email" } as const;
const INVITED_EMAIL = { name: 'email', kind: 'email', suggest: 'pending', description: 'The invited email' } as const;
const CODE = {
  name: 'code',
  kind: 'code',
  optional: true,
  maxLength: 200,
  description: 'The invitation code you were given',
} as const;

/** SPEC §12: the core parses it (1 hour to 1 year), so every surface refuses the same words alike. */
const DURATION = {
  name: 'duration',
  kind: 'duration',
  maxLength: 40,
  description: 'How long: 1 hour to 1 year (36h, 30d, 2w, 1y)',
} as const;

/**
 * Every `/members` command, once. The grammar (Slack, console), Discord's registration and every
 * help text are generated from it; each adapter's handler map is typed over its names, so a
 * command missing from a surface does not compile. Order: SPEC §5, which is also help's order.
 */
export const COMMANDS = {
  invite: plain({
    args: [
      { name: 'emails', kind: 'emails', description: 'Emails separated by spaces or commas (up to 100)' },
      { name: 'role', kind: 'role', optional: true, description: 'The role they get (default: member)' },
      {
        ...DURATION,
        label: 'for',
        optional: true,
        description: 'A time-limited membership: 1 hour to 1 year (30d, 2w)',
      },
    ],
    usage: 'invite <email>[ <email>…] [as] [owner|billing-admin|member] [for <duration>] (default: member)',
    description: 'Invite one or more people by email',
    who: 'member',
    core: 'invite',
  }),
  list: plain({
    args: [
      {
        name: 'what',
        kind: 'choice',
        optional: true,
        choices: ['members', 'pending', 'requests'],
        fallback: 'all',
        description: 'Only members, only pending invitations, or open requests',
      },
    ],
    usage: 'list [members|pending|requests]',
    description: 'Members with their roles, and pending invitations; or open requests',
    who: 'member',
    core: 'list',
  }),
  revoke: confirmable({
    args: [INVITED_EMAIL],
    usage: 'revoke <email>',
    description: 'Revoke a pending invitation',
    who: 'owner_or_inviter',
    core: 'requestRevoke',
    request: (core, caller, args) => core.requestRevoke(caller, { email: args.email }),
  }),
  resend: plain({
    args: [INVITED_EMAIL],
    usage: 'resend <email>',
    description: 'Send an invitation again with a new code and a fresh expiry',
    who: 'owner_or_inviter',
    core: 'resend',
  }),
  role: confirmable({
    args: [MEMBER_EMAIL, { name: 'role', kind: 'role', description: 'The new role' }],
    usage: 'role <email> <owner|billing-admin|member>',
    description: "Change a member's role (owners only)",
    who: 'owner',
    core: 'requestRoleChange',
    request: (core, caller, args) => core.requestRoleChange(caller, { email: args.email, role: args.role }),
  }),
  remove: confirmable({
    args: [MEMBER_EMAIL],
    usage: 'remove <email>',
    description: 'Remove a member (owners only)',
    who: 'owner',
    core: 'requestRemove',
    request: (core, caller, args) => core.requestRemove(caller, { email: args.email }),
  }),
  leave: confirmable({
    args: [],
    usage: 'leave',
    description: 'Leave the organization',
    who: 'member',
    core: 'requestLeave',
    request: (core, caller) => core.requestLeave(caller),
  }),
  accept: plain({
    args: [CODE],
    usage: 'accept [code]',
    description: 'Accept an invitation',
    who: 'invitee',
    core: 'accept',
  }),
  decline: plain({
    args: [CODE],
    usage: 'decline [code]',
    description: 'Decline an invitation',
    who: 'invitee',
    core: 'decline',
  }),
  activity: plain({
    args: [{ name: 'page', kind: 'page', optional: true, description: 'Page number, from 1' }],
    usage: 'activity [page]',
    description: 'Recent changes, newest first (owners only)',
    who: 'owner',
    core: 'activity',
  }),
  setup: plain({
    // Longer than the core's limit on purpose: the core, not the platform, says what is allowed.
    args: [{ name: 'orgName', kind: 'text', label: 'name', maxLength: 100, description: 'The organization name' }],
    usage: 'setup <organization name>',
    description: 'Create the organization for this workspace (its admins only)',
    who: 'platform_admin',
    core: 'setup',
  }),
  channel: plain({
    args: [{ name: 'channelId', kind: 'channel', label: 'channel', description: 'A text channel the bot can post in' }],
    usage: 'channel <#channel>',
    description: 'Where notifications are posted (owners only)',
    who: 'owner',
    core: 'setChannel',
  }),
  // Requests instead of refusals and domain policy (SPEC §12).
  request: plain({
    args: [{ name: 'role', kind: 'role', description: 'The role you ask the owners for' }],
    usage: 'request <owner|billing-admin|member>',
    description: 'Ask the owners for a role',
    who: 'member',
    core: 'requestRole',
  }),
  domains: plain({
    args: [
      {
        name: 'op',
        kind: 'choice',
        label: 'action',
        optional: true,
        choices: ['add', 'remove'],
        fallback: 'list',
        description: 'Add or remove a domain; leave out to list them',
      },
      { name: 'domain', kind: 'word', optional: true, maxLength: 253, description: 'A domain such as example.com' },
    ],
    usage: 'domains [add|remove <domain>]',
    description: 'Where non-owners may invite without asking (owners only)',
    who: 'owner',
    core: 'domains',
  }),
  extend: plain({
    args: [MEMBER_EMAIL, DURATION],
    usage: 'extend <email> <duration>',
    description: "Push a time-limited membership's end (owners only)",
    who: 'owner',
    core: 'extend',
  }),
  transfer: confirmable({
    args: [MEMBER_EMAIL],
    usage: 'transfer <email>',
    description: 'Hand the organization to a member: they become owner, you a member (owners only)',
    who: 'owner',
    core: 'requestTransfer',
    request: (core, caller, args) => core.requestTransfer(caller, { email: args.email }),
  }),
  link: plain({
    args: [{ ...CODE, maxLength: 40, description: 'The code /members link showed on the other platform' }],
    usage: 'link [code]',
    description: 'Put this organization on a second platform: a code here, then link CODE there (admins)',
    // Without a code an owner makes one; with a code, an admin of the other workspace redeems it.
    who: 'owner',
    core: 'redeemLinkCode',
  }),
  help: plain({
    args: [],
    usage: 'help',
    description: 'What every /members command does',
    who: 'anyone',
    core: null,
  }),
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** Object.keys forgets the key type; the table's own keys are exactly the command names. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

type ArgsOf<N extends CommandName> = (typeof COMMANDS)[N]['args'];
export type ParsedArgs<N extends CommandName> = ParsedFields<ArgsOf<N>>;
export type ResolvedArgs<N extends CommandName> = ResolvedFields<ArgsOf<N>>;

/** The commands answered with a confirm button (SPEC §3). */
export type ConfirmableName = {
  [N in CommandName]: (typeof COMMANDS)[N] extends { request: unknown } ? N : never;
}[CommandName];

export function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(COMMANDS, word);
}
