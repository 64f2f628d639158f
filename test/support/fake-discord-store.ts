/** The messages the fake Discord holds: what users would see in channels, DMs and ephemeral replies. */

export interface FakeButton {
  readonly customId: string;
  readonly label: string;
  readonly style: number;
}

export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  content: string;
  components: unknown[];
  flags: number;
  /** Bumped on every edit, so a test can see that a refused click changed nothing. */
  edits: number;
}

export interface MessageBody {
  readonly content?: string;
  readonly components?: unknown[];
  readonly flags?: number;
}

let snowflake = 1_300_000_000_000_000_000n;

export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

export function buttonsOf(message: FakeMessage): FakeButton[] {
  const rows = message.components as Array<{ components?: Array<Record<string, unknown>> }>;
  return rows.flatMap((row) =>
    (row.components ?? []).map((c) => ({
      customId: String(c.custom_id),
      label: String(c.label),
      style: Number(c.style),
    })),
  );
}

export class MessageStore {
  readonly byId = new Map<string, FakeMessage>();

  create(channelId: string, body: MessageBody): FakeMessage {
    const message: FakeMessage = {
      id: nextSnowflake(),
      channelId,
      content: body.content ?? '',
      components: body.components ?? [],
      flags: body.flags ?? 0,
      edits: 0,
    };
    this.byId.set(message.id, message);
    return message;
  }

  edit(message: FakeMessage, body: MessageBody): FakeMessage {
    if (body.content !== undefined) message.content = body.content;
    if (body.components !== undefined) message.components = body.components;
    message.edits += 1;
    return message;
  }

  /** Someone deleted the message in Discord: editing it answers 404 Unknown Message from now on. */
  delete(messageId: string): void {
    this.byId.delete(messageId);
  }

  inChannel(channelId: string): FakeMessage[] {
    return [...this.byId.values()].filter((m) => m.channelId === channelId);
  }
}

/** A message as the API returns it, complete enough for discord.js's Message class. */
export function apiMessage(message: FakeMessage, author: { id: string; username: string }, applicationId: string) {
  return {
    id: message.id,
    channel_id: message.channelId,
    type: 0,
    author: {
      id: author.id,
      username: author.username,
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    },
    content: message.content,
    components: message.components,
    embeds: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2026-11-23T12:00:00.000Z',
    edited_timestamp: message.edits > 0 ? '2026-11-23T12:00:01.000Z' : null,
    flags: message.flags,
    application_id: applicationId,
  };
}
