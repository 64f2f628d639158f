import type { AnyMiddlewareArgs, App } from '@slack/bolt';

/**
 * Slack re-sends a request (`x-slack-retry-num`) when our first answer was slow. The first delivery
 * is already being handled, so a retry is only acknowledged: a change is never applied twice.
 */
export function registerRetryGuard(app: App): void {
  app.use(async (args) => {
    if (args.context.retryNum === undefined) {
      await args.next();
      return;
    }
    const ack = ackOf(args);
    if (ack) await ack();
  });
}

function ackOf(args: AnyMiddlewareArgs): (() => Promise<void>) | undefined {
  return 'ack' in args && typeof args.ack === 'function' ? () => (args.ack as () => Promise<void>)() : undefined;
}
