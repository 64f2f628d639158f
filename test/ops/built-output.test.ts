import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runProcess } from '../cli/spawn-cli.ts';
import { freshDatabase } from '../distribution/discord-processes.ts';
import { linkCode } from '../email/email-world.ts';
import { parseMail } from '../email/mime.ts';
import { startSmtpStandIn } from '../email/smtp-stand-in.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { slashCommandForm } from '../support/fake-slack-payloads.ts';
import { postToSlackEndpoint, SIGNING_SECRET } from '../support/fake-slack-signer.ts';
import { FakeSlackSocket } from '../support/fake-slack-socket.ts';
import { availableDialects } from '../support/stores.ts';
import { BotProcess, freshSqliteUrl } from './bot-process.ts';

/** What esbuild wrote to dist/meta.json: each output file, its static and dynamic imports and its inputs. */
interface BuildMeta {
  readonly outputs: Record<
    string,
    {
      readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
      readonly inputs: Record<string, unknown>;
    }
  >;
}

/**
 * Every source file and package dist/<entry> loads before running anything: the inputs of the chunks
 * it imports statically, followed through the chunks, and the packages left outside the bundle.
 */
function loadedAtStart(meta: BuildMeta, output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return seen;
  seen.add(output);
  const chunk = meta.outputs[output];
  if (!chunk) throw new Error(`dist/meta.json names no ${output}`);
  for (const input of Object.keys(chunk.inputs)) seen.add(input);
  for (const target of chunk.imports)
    if (target.kind === 'import-statement')
      target.external ? seen.add(target.path) : loadedAtStart(meta, target.path, seen);
  return seen;
}

describe('the build', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const build = await runProcess(['node', 'scripts/build.js'], {});
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);

  it('starts from dist/ with no credentials: a console session, only answers on stdout', async () => {
    const env = { DATABASE_URL: freshSqliteUrl() };
    const run = await runProcess(['node', 'scripts/start.js', '--as', 'olivia@acme.test'], env, 'setup Acme\nlist\n');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Created Acme. You (olivia@acme.test) are its first owner.');
    expect(run.stdout).not.toMatch(/"level"|migrations applied|Building/);
    expect(run.stderr).not.toContain('Building'); // the build was fresh: nothing rebuilt
  });

  it('loads neither Bolt, discord.js nor nodemailer before it knows they are configured', () => {
    const meta = JSON.parse(readFileSync('dist/meta.json', 'utf8')) as BuildMeta;
    const loaded = [...loadedAtStart(meta, 'dist/main.js')];
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).toContain('src/core/index.ts');
    // Packages are bundled (one file per chunk starts faster): their files show as node_modules inputs.
    expect(loaded.some((name) => name.startsWith('node_modules/kysely/'))).toBe(true);
    const adapters =
      /node_modules\/(@slack|@discordjs|discord\.js|nodemailer|pino-pretty|tsx)\/|^discord\.js$|^adapters\/(slack|discord)\//;
    expect(loaded.filter((name) => adapters.test(name))).toEqual([]);
  });

  it('defers Bolt’s Socket Mode, Express and Lambda receivers behind stand-ins (scripts/defer-modules.js)', () => {
    const meta = JSON.parse(readFileSync('dist/meta.json', 'utf8')) as { inputs: Record<string, unknown> };
    const deferred = Object.keys(meta.inputs)
      .filter((input) => input.startsWith('rollcall-deferred:'))
      .map((input) => input.split('/').at(-1));
    expect(deferred.sort()).toEqual(['AwsLambdaReceiver.js', 'ExpressReceiver.js', 'SocketModeReceiver.js']);
  });

  it('runs the bundled pino-pretty when stderr is a terminal', async () => {
    // `script` gives the process a terminal; the console's log lines are then pretty, not JSON.
    const env = { DATABASE_URL: freshSqliteUrl(), LOG_LEVEL: 'info' };
    const command = 'node scripts/start.js --as olivia@acme.test';
    // Ctrl-D ends the terminal's input as it would for a person.
    const run = await runProcess(['script', '-qec', command, '/dev/null'], env, 'setup Acme\n\u0004');
    const shown = stripVTControlCharacters(run.stdout);
    expect(shown).toContain('Created Acme.');
    expect(shown).toMatch(/INFO: migrations applied/);
    expect(shown).not.toMatch(/"level":/);
  });

  it('the package bin runs the built CLI', async () => {
    const run = await runProcess(['node', packageJson.bin.rollcall, '--version'], {});
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${packageJson.version}\n`, '']);
  });

  it('npm start -- --help prints the bot’s usage', async () => {
    const run = await runProcess(['npm', 'start', '--', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm start -- [options]');
    expect(run.stdout).toContain('--as <email>');
  });

  // Bolt, pg and nodemailer are bundled into chunks of their own: this runs each of them from dist/.
  it('runs Slack, PostgreSQL and email from the bundle: a command, its channel post, its email and page', async () => {
    const onPostgres = (await availableDialects()).includes('postgres');
    const database = onPostgres ? await freshDatabase() : { url: freshSqliteUrl(), drop: async () => {} };
    const slack = await FakeSlack.start();
    const smtp = await startSmtpStandIn();
    slack.addUser({ id: 'UOWNER', email: 'owner@x.com', isAdmin: true });
    const bot = BotProcess.spawn(['scripts/start.js'], {
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://127.0.0.1:9',
    });
    try {
      const base = `http://127.0.0.1:${await bot.port()}`;
      await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 20_000 }).toBe(200);
      const command = async (text: string) => {
        const responseUrl = slack.responseUrl();
        await postToSlackEndpoint(`${base}/slack/events`, slashCommandForm('UOWNER', text, responseUrl));
        return String((await slack.waitForResponse(responseUrl)).body.text ?? '');
      };
      expect(await command('setup Acme')).toContain('Created *Acme*');
      await command('channel <#C0ROLL|rollcall>');
      expect(await command('invite new@y.com')).toContain('new@y.com');
      await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
      await expect
        .poll(() => slack.accepted.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ROLL'))
        .toBe(true);
      const code = linkCode(parseMail(smtp.received[0]?.raw ?? '').text);
      const page = await fetch(`${base}/invitations/${code}`);
      expect([page.status, (await page.text()).includes('Acme')]).toEqual([200, true]);
      expect(bot.stderr).not.toMatch(/"level":50|Dynamic require|is not defined/);
    } finally {
      await bot.stop();
      await Promise.all([slack.close(), smtp.close()]);
      await database.drop();
    }
  });

  // The build defers Bolt's Socket Mode receiver (scripts/defer-modules.js): it must still load when used.
  it('runs Slack in Socket Mode from the bundle: connects and answers a command over the socket', async () => {
    const slack = await FakeSlack.start();
    const socket = await FakeSlackSocket.start();
    slack.addUser({ id: 'UOWNER', email: 'owner@x.com', isAdmin: true });
    const connection = { status: 200, body: { ok: true, url: socket.url } };
    slack.script('apps.connections.open', connection, connection, connection);
    const bot = BotProcess.spawn(['scripts/start.js'], {
      DATABASE_URL: freshSqliteUrl(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      const base = `http://127.0.0.1:${await bot.port()}`;
      await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 20_000 }).toBe(200);
      expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
      const responseUrl = slack.responseUrl();
      const envelopeId = socket.send('slash_commands', slashCommandForm('UOWNER', 'setup Acme', responseUrl));
      // The answer rides in the acknowledgement when ready in time, else goes to response_url.
      const answered = async () => {
        const ack = socket.acks.find((a) => a.envelope_id === envelopeId);
        const posted = slack.calls.find(
          (c) => c.method === `response:${new URL(responseUrl).pathname.split('/').at(-1)}`,
        );
        return JSON.stringify(ack?.payload ?? {}) + JSON.stringify(posted?.body ?? {});
      };
      await expect.poll(answered, { timeout: 10_000 }).toContain('Created *Acme*');
      expect(socket.acks.filter((a) => a.envelope_id === envelopeId)).toHaveLength(1);
    } finally {
      await bot.stop();
      await Promise.all([slack.close(), socket.close()]);
    }
  });
});
