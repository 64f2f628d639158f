import type { MembershipCore, Result } from '../core/index.ts';
import type { Logger } from '../log.ts';
import { type DispatchDeps, dispatchNotifications } from './dispatch-notifications.ts';

export interface DeliveryLoop {
  /** Deliver soon: runs now, or once more after the run in progress. */
  kick(): void;
  /** Runs one dispatch now (after any in progress) and waits for it. */
  flush(): Promise<void>;
}

/** Delivers notifications right after the commands that queued them, without waiting for the cron tick. */
export function createDeliveryLoop(deps: DispatchDeps & { log: Logger }): DeliveryLoop {
  let running: Promise<void> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await dispatchNotifications(deps);
      } catch (error) {
        deps.log.error({ err: error }, 'notification dispatch failed; the next run retries');
      }
    } while (again);
  };

  const start = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    kick: () => void start(),
    flush: async () => {
      await start();
      if (running) await running;
    },
  };
}

/** The same core, kicking delivery after every call that may have queued a notification. */
export function deliveringAfterWrites(core: MembershipCore, loop: DeliveryLoop): MembershipCore {
  const kickOnSuccess = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await pending;
    if (result.ok) loop.kick();
    return result;
  };
  return {
    ...core,
    setup: (caller, input) => kickOnSuccess(core.setup(caller, input)),
    invite: (caller, input) => kickOnSuccess(core.invite(caller, input)),
    resend: (caller, input) => kickOnSuccess(core.resend(caller, input)),
    confirm: (caller, input) => kickOnSuccess(core.confirm(caller, input)),
    accept: (caller, input) => kickOnSuccess(core.accept(caller, input)),
    decline: (caller, input) => kickOnSuccess(core.decline(caller, input)),
    acceptByLink: (input) => kickOnSuccess(core.acceptByLink(input)),
    declineByLink: (input) => kickOnSuccess(core.declineByLink(input)),
  };
}
