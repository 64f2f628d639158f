/** Realistic INTERACTION_CREATE payloads (API v10), built the way Discord sends them. */

export interface FakeUser {
  readonly id: string;
  readonly username: string;
}

/** Permission bits as Discord sends them: a decimal string. */
export const PERMISSIONS = {
  administrator: 1n << 3n,
  manageGuild: 1n << 5n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  useApplicationCommands: 1n << 31n,
} as const;

const EVERYONE = PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.useApplicationCommands;

export function permissionString(...extra: bigint[]): string {
  return extra.reduce((bits, bit) => bits | bit, EVERYONE).toString();
}

/** Where an interaction comes from: a guild member in a channel, or a user in their DM with the bot. */
export type InteractionSource =
  | {
      readonly kind: 'guild';
      readonly guildId: string;
      readonly channelId: string;
      readonly user: FakeUser;
      readonly permissions: string;
    }
  | { readonly kind: 'dm'; readonly channelId: string; readonly user: FakeUser };

export type OptionValue = string | number | { readonly user: FakeUser } | { readonly channel: string };

const OPTION_TYPE = { subcommand: 1, string: 3, integer: 4, user: 6, channel: 7 } as const;

export function apiUser(user: FakeUser) {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null };
}

function member(user: FakeUser, permissions: string) {
  return {
    user: apiUser(user),
    roles: [],
    permissions,
    joined_at: '2026-01-01T00:00:00.000Z',
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The fields every interaction carries, for a guild member or a DM user. */
export function envelope(source: InteractionSource, base: { id: string; applicationId: string; token: string }) {
  const common = {
    id: base.id,
    application_id: base.applicationId,
    token: base.token,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    app_permissions: permissionString(),
    attachment_size_limit: 10_485_760,
  };
  if (source.kind === 'dm') {
    return {
      ...common,
      channel_id: source.channelId,
      channel: { id: source.channelId, type: 1 },
      user: apiUser(source.user),
      context: 1,
      authorizing_integration_owners: { '1': source.user.id },
    };
  }
  return {
    ...common,
    guild_id: source.guildId,
    guild: { id: source.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: source.channelId,
    channel: { id: source.channelId, type: 0, guild_id: source.guildId, name: 'general' },
    member: member(source.user, source.permissions),
    context: 0,
    authorizing_integration_owners: { '0': source.guildId },
  };
}

function option(name: string, value: OptionValue, focused: boolean) {
  const focus = focused ? { focused: true } : {};
  if (typeof value === 'string') return { name, type: OPTION_TYPE.string, value, ...focus };
  if (typeof value === 'number') return { name, type: OPTION_TYPE.integer, value, ...focus };
  if ('user' in value) return { name, type: OPTION_TYPE.user, value: value.user.id };
  return { name, type: OPTION_TYPE.channel, value: value.channel };
}

function resolved(options: Readonly<Record<string, OptionValue>>) {
  const users: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  for (const value of Object.values(options)) {
    if (typeof value !== 'object') continue;
    if ('user' in value) users[value.user.id] = apiUser(value.user);
    else channels[value.channel] = { id: value.channel, type: 0, name: 'rollcall', permissions: permissionString() };
  }
  return { users, channels };
}

/** The `data` of a `/members <subcommand>` chat input (type 2) or autocomplete (type 4) interaction. */
export function commandData(
  commandId: string,
  subcommand: string,
  options: Readonly<Record<string, OptionValue>>,
  focused?: string,
) {
  return {
    id: commandId,
    name: 'members',
    type: 1,
    options: [
      {
        name: subcommand,
        type: OPTION_TYPE.subcommand,
        options: Object.entries(options).map(([name, value]) => option(name, value, name === focused)),
      },
    ],
    resolved: resolved(options),
  };
}
