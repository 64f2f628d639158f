import { once } from 'node:events';
import pg from 'pg';
import { BotProcess } from '../ops/bot-process.ts';
import type { FakeDiscord, RestCall } from '../support/fake-discord.ts';
import { PG_URL } from '../support/stores.ts';

/**
 * A PostgreSQL database of its own, made for one test and dropped after it. Not a schema: the bot
 * processes take only DATABASE_URL, and the gateway lock is scoped to a database, so nothing another
 * test does in the shared `test` database can hold or take it.
 */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rollcall_t_${process.pid}_${Date.now().toString(36)}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin(async (client) => {
    // A run killed before its teardown leaves its database behind: drop any over an hour old.
    const { rows } = await client.query<{ name: string }>(
      "select datname as name from pg_database where datname like 'rollcall\\_t\\_%'",
    );
    for (const old of rows.map((row) => row.name)) {
      const started = Number.parseInt(/^rollcall_t_\d+_([0-9a-z]+)$/.exec(old)?.[1] ?? '', 36);
      if (started < Date.now() - 3_600_000) await client.query(`drop database if exists "${old}" with (force)`);
    }
    await client.query(`create database "${name}"`);
  });
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => {}),
  };
}

/** A real `src/main.ts` process running the Discord adapter against the fake, on `databaseUrl`. */
export function startDiscordBot(fake: FakeDiscord, databaseUrl: string, extra: Record<string, string> = {}) {
  return BotProcess.spawn(['--import', 'tsx', 'src/main.ts'], {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  });
}

/** kill -9: no shutdown handler runs; PostgreSQL sees the sessions end when the sockets close. */
export async function killHard(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  const exited = once(bot.child, 'exit');
  bot.child.kill('SIGKILL');
  await exited;
}

/** How many first responses (callbacks) each interaction token got, over HTTP or over REST. */
export function callbacksPerToken(calls: readonly RestCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const token = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path)?.[1];
    if (call.method === 'POST' && token) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/** How long a child may take to start: Node, tsx and discord.js load slowly on a busy CI machine. */
export const START_MS = 90_000;

/** Waits for the JSON log line with this `msg`. */
export function logged(bot: BotProcess, msg: string): Promise<Record<string, unknown>> {
  return bot.logLine((line) => line.msg === msg, START_MS);
}

/** The port from the "HTTP server listening" line (the process was given PORT=0). */
export async function portOf(bot: BotProcess): Promise<number> {
  return Number((await bot.logLine((line) => typeof line.port === 'number', START_MS)).port);
}
