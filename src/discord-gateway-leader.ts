import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { SessionLock } from './store/session-lock.ts';

/** Logging in to and leaving the Discord gateway (adapters/discord: connectGateway, disconnectGateway). */
export interface GatewayConnection {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface GatewayLeaderDeps {
  readonly gateway: GatewayConnection;
  /** A fresh connection holding nothing yet; opened again after one is lost. */
  readonly openLock: () => Promise<SessionLock>;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** How often a process standing by tries the lock, and the holder pings its lock connection. */
  readonly retryMs?: number;
  /** A login not ready by then lets the lock go, so a process that cannot reach the gateway does not sit on it. */
  readonly connectTimeoutMs?: number;
}

export interface GatewayLeader {
  /** Whether this process holds the lock now (it may still be logging in). */
  readonly holding: boolean;
  /** Leaves the gateway and releases the lock, so another process takes over at its next try. */
  stop(): Promise<void>;
}

export const GATEWAY_RETRY_MS = 2_000;
/** discord.js waits out gateway reconnects itself; a real login is ready in a second or two. */
export const GATEWAY_CONNECT_TIMEOUT_MS = 60_000;

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

type HoldEnd = { kind: 'lost'; error: Error } | { kind: 'failed'; error: unknown } | { kind: 'stopped' };

/**
 * Among several processes on one PostgreSQL database, exactly one holds the Discord gateway: the one
 * whose session holds the advisory lock. Every interaction reaches every gateway session of a bot,
 * so two holders would handle each twice. The others stand by (they still serve HTTP and deliver)
 * and try the lock every `retryMs`; when the holder dies PostgreSQL ends its session and frees the
 * lock, and the next try wins. A holder whose lock connection fails leaves the gateway at once,
 * before anything else: by then another process may already hold the lock.
 */
export function leadDiscordGateway(deps: GatewayLeaderDeps): GatewayLeader {
  const retryMs = deps.retryMs ?? GATEWAY_RETRY_MS;
  const log = deps.log.child({ component: 'discord-gateway-leader' });
  const stopping = new AbortController();
  const stopped = new Promise<HoldEnd>((resolve) =>
    stopping.signal.addEventListener('abort', () => resolve({ kind: 'stopped' })),
  );
  let holding = false;

  /** Tries until the lock is won (true) or the process stops (false); a dead connection throws. */
  const standBy = async (lock: SessionLock): Promise<boolean> => {
    let announced = false;
    while (!stopping.signal.aborted) {
      if (await lock.tryAcquire()) return true;
      if (!announced) log.info('another process holds the Discord gateway; standing by');
      announced = true;
      await pause(retryMs, stopping.signal);
    }
    return false;
  };

  /** Pings the lock connection until it fails (a connection that died without a word) or `over`. */
  const watch = async (lock: SessionLock, over: AbortSignal): Promise<HoldEnd> => {
    while (!over.aborted) {
      await pause(retryMs, over);
      if (over.aborted) break;
      try {
        await lock.ping();
      } catch (error) {
        return { kind: 'lost', error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    return { kind: 'stopped' };
  };

  const hold = async (lock: SessionLock): Promise<void> => {
    holding = true;
    deps.metrics.discordGatewayLeader.set(1);
    log.info('holding the Discord gateway');
    const lost = lock.lost.then((error): HoldEnd => ({ kind: 'lost', error }));
    const over = new AbortController();
    try {
      const connected = deps.gateway.connect().then(
        () => undefined,
        (error: unknown): HoldEnd => ({ kind: 'failed', error }),
      );
      const timeoutMs = deps.connectTimeoutMs ?? GATEWAY_CONNECT_TIMEOUT_MS;
      const timedOut = pause(timeoutMs, over.signal).then(
        (): HoldEnd => ({ kind: 'failed', error: new Error(`not ready within ${timeoutMs} ms`) }),
      );
      const early = await Promise.race([connected, lost, stopped, timedOut]);
      const end = early ?? (await Promise.race([lost, stopped, watch(lock, over.signal)]));
      if (end.kind === 'lost') log.error({ err: end.error }, 'lost the Discord gateway lock; leaving the gateway');
      if (end.kind === 'failed') log.error({ err: end.error }, 'could not connect to the Discord gateway; letting go');
    } finally {
      over.abort();
      await deps.gateway.disconnect().catch((error: unknown) => log.warn({ err: error }, 'leaving the gateway failed'));
      holding = false;
      deps.metrics.discordGatewayLeader.set(0);
    }
  };

  const run = async () => {
    while (!stopping.signal.aborted) {
      let lock: SessionLock | undefined;
      try {
        lock = await deps.openLock();
        if (await standBy(lock)) await hold(lock);
      } catch (error) {
        if (!stopping.signal.aborted) log.warn({ err: error }, 'Discord gateway lock unavailable; trying again');
      } finally {
        await lock?.close();
      }
      await pause(retryMs, stopping.signal);
    }
  };
  deps.metrics.discordGatewayLeader.set(0);
  const running = run();

  return {
    get holding() {
      return holding;
    },
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
