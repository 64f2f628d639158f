import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';

/**
 * How long a command may run and still answer in its acknowledgement. Slack waits 3 s for the
 * acknowledgement, network included; past this budget the acknowledgement goes out empty and the
 * reply follows through response_url, as it always did.
 */
export const ACK_BUDGET_MS = 1_500;

export interface CommandReplier {
  /** The first message rides in the acknowledgement while it is open; the others go to response_url. */
  send(message: RespondArguments): Promise<void>;
  /** Acknowledges with nothing unless done already: before a modal, and when the command ends. */
  ackEmpty(): Promise<void>;
}

/**
 * Replying in the acknowledgement's body saves a whole outbound HTTPS request per command (the
 * largest CPU item of a command's reply, issue 10) and a round trip for the user. Commands that
 * finish within the budget, nearly all of them, answer that way; a slow one is acknowledged
 * empty at the budget and answers later, so Slack's 3 s are never missed.
 */
export function replyInAck(
  ack: AckFn<string | RespondArguments>,
  respond: RespondFn,
  budgetMs = ACK_BUDGET_MS,
): CommandReplier {
  let acked: Promise<void> | undefined;
  const ackOnce = (message?: RespondArguments): Promise<void> | undefined => {
    if (acked) return undefined;
    clearTimeout(timer);
    acked = ack(message);
    return acked;
  };
  const timer = setTimeout(() => {
    // Awaited by ackEmpty when the command ends: a failed acknowledgement is reported there.
    ackOnce()?.catch(() => {});
  }, budgetMs);
  return {
    send: async (message) => {
      const inAck = ackOnce(message);
      if (inAck) return inAck;
      // Slack may still take a post to response_url when the acknowledgement itself failed.
      await acked?.catch(() => {});
      await respond(message);
    },
    ackEmpty: async () => {
      await (ackOnce() ?? acked);
    },
  };
}
