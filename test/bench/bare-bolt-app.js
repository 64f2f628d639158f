// The baseline of the start-up figure: a minimal Bolt app (HTTPReceiver, one command) in a plain
// JavaScript file, started with `node` like Rollcall's built output. /healthz answers once Bolt
// listens; the token is checked against the same fake Slack first, as Rollcall's readiness does.
import { App } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  deferInitialization: true,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
    },
  ],
});
app.command('/members', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'ok' });
});
await app.init();
await app.start({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
