import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { SIGNING_SECRET } from '../support/fake-slack-signer.ts';

/** A real `npm start` process (Slack over HTTP) and the port it listens on, read from its log. */
export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly log: () => string;
}

export async function startBot(databaseUrl: string, slackApiUrl: string): Promise<BotProcess> {
  const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 20_000);
    const onData = (chunk: string) => {
      output += chunk;
      const match = /"port":(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before listening:\n${output}`)));
  });
  return { child, port: await port, log: () => output };
}

/** kill -9: no shutdown handler runs, nothing is flushed. */
export async function killHard(bot: BotProcess): Promise<void> {
  const exited = once(bot.child, 'exit');
  bot.child.kill('SIGKILL');
  await exited;
}
