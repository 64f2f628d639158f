import type { RestCall, Route, RouteReply } from './fake-discord-rest.ts';
import {
  apiMessage,
  type FakeMessage,
  type MessageBody,
  type MessageStore,
  nextSnowflake,
} from './fake-discord-store.ts';

/** What the routes need to know about the fake's state. */
export interface RouteContext {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  readonly messages: MessageStore;
  readonly wsUrl: () => string;
  /** Interactions the test dispatched, by token: where they came from and their original message. */
  readonly interactions: Map<string, { channelId: string; original?: FakeMessage }>;
  /** DM channel id by user id, created on POST /users/@me/channels. */
  readonly dmChannels: Map<string, string>;
}

const CALLBACK = { reply: 4, deferReply: 5, deferUpdate: 6, update: 7, autocomplete: 8 } as const;

function unauthorized(call: RestCall, context: RouteContext): RouteReply | undefined {
  if (call.authorization === `Bot ${context.token}`) return undefined;
  return { status: 401, body: { code: 0, message: '401: Unauthorized' } };
}

function message(context: RouteContext, m: FakeMessage): RouteReply {
  return { status: 200, body: apiMessage(m, context.botUser, context.applicationId) };
}

function callback(call: RestCall, token: string, context: RouteContext): RouteReply {
  const interaction = context.interactions.get(token);
  if (!interaction) return { status: 404, body: { code: 10062, message: 'Unknown interaction' } };
  const { type, data } = call.body as { type: number; data?: MessageBody };
  if (type === CALLBACK.reply || type === CALLBACK.deferReply) {
    interaction.original = context.messages.create(interaction.channelId, data ?? {});
  } else if (type === CALLBACK.update && interaction.original) {
    context.messages.edit(interaction.original, data ?? {});
  }
  return { status: 204 };
}

function editOriginal(call: RestCall, token: string, context: RouteContext): RouteReply {
  const original = context.interactions.get(token)?.original;
  if (!original) return { status: 404, body: { code: 10008, message: 'Unknown Message' } };
  return message(context, context.messages.edit(original, call.body as MessageBody));
}

function followUp(call: RestCall, token: string, context: RouteContext): RouteReply {
  const interaction = context.interactions.get(token);
  if (!interaction) return { status: 404, body: { code: 10015, message: 'Unknown Webhook' } };
  return message(context, context.messages.create(interaction.channelId, call.body as MessageBody));
}

/**
 * Edit Message (PATCH /channels/{channel.id}/messages/{message.id}): a message not in that channel,
 * or deleted, is 404 Unknown Message (10008); the body's limits are checked first (discord-limits.ts).
 */
function editMessage(call: RestCall, channelId: string, messageId: string, context: RouteContext): RouteReply {
  const found = context.messages.byId.get(messageId);
  if (!found || found.channelId !== channelId)
    return { status: 404, body: { code: 10008, message: 'Unknown Message' } };
  return message(context, context.messages.edit(found, call.body as MessageBody));
}

function openDm(call: RestCall, context: RouteContext): RouteReply {
  const { recipient_id: userId } = call.body as { recipient_id: string };
  let channelId = context.dmChannels.get(userId);
  if (!channelId) {
    channelId = nextSnowflake();
    context.dmChannels.set(userId, channelId);
  }
  return {
    status: 200,
    body: { id: channelId, type: 1, last_message_id: null, recipients: [{ id: userId, username: `user${userId}` }] },
  };
}

function bulkOverwrite(call: RestCall): RouteReply {
  const commands = call.body as Array<Record<string, unknown>>;
  return { status: 200, body: commands.map((command) => ({ id: nextSnowflake(), version: '1', ...command })) };
}

/** The REST routes Rollcall calls, answering as Discord's API v10 does. */
export function discordRoutes(context: RouteContext): Route[] {
  const app = context.applicationId;
  const authed =
    (handle: (call: RestCall, params: readonly string[]) => RouteReply) =>
    (call: RestCall, params: readonly string[]): RouteReply =>
      unauthorized(call, context) ?? handle(call, params);
  return [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      handle: authed(() => ({
        status: 200,
        body: {
          url: context.wsUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      })),
    },
    {
      method: 'GET',
      pattern: /^\/users\/@me$/,
      handle: authed(() => ({ status: 200, body: { ...context.botUser, discriminator: '0', bot: true } })),
    },
    { method: 'PUT', pattern: new RegExp(`^/applications/${app}/commands$`), handle: authed(bulkOverwrite) },
    {
      method: 'PUT',
      pattern: new RegExp(`^/applications/${app}/guilds/(\\d+)/commands$`),
      handle: authed(bulkOverwrite),
    },
    {
      method: 'POST',
      pattern: /^\/interactions\/\d+\/([^/]+)\/callback$/,
      handle: (call, [token]) => callback(call, token ?? '', context),
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`),
      handle: (call, [token]) => editOriginal(call, token ?? '', context),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/webhooks/${app}/([^/]+)$`),
      handle: (call, [token]) => followUp(call, token ?? '', context),
    },
    { method: 'POST', pattern: /^\/users\/@me\/channels$/, handle: authed((call) => openDm(call, context)) },
    {
      method: 'PATCH',
      pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      handle: authed((call, [channelId, messageId]) => editMessage(call, channelId ?? '', messageId ?? '', context)),
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      handle: authed((call, [channelId]) =>
        message(context, context.messages.create(channelId ?? '', call.body as MessageBody)),
      ),
    },
  ];
}
