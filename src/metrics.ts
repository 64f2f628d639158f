import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** Why a delivery attempt ended as it did, for dashboards and alerts (label `reason`). */
export type DeliveryReason = 'ok' | 'transient' | 'rate_limited' | 'timeout' | 'operator' | 'recipient';

/** Prometheus counters served at GET /metrics. One registry per process (or per test). */
export interface Metrics {
  readonly registry: Registry;
  readonly commands: Counter<'platform' | 'command' | 'outcome'>;
  readonly deliveries: Counter<'platform' | 'outcome' | 'reason'>;
  readonly sweeps: Counter<'outcome'>;
  readonly expired: Counter;
  readonly outboxPruned: Counter;
  readonly storeErrors: Counter<'kind'>;
  readonly processErrors: Counter<'kind'>;
  /** 1 while this process holds the Discord gateway (one process among several; src/discord-gateway-leader.ts). */
  readonly discordGatewayLeader: Gauge;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults) collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    commands: counter(
      'rollcall_commands_total',
      'Commands handled, by platform, command name and outcome (ok or an error code).',
      ['platform', 'command', 'outcome'],
    ),
    deliveries: counter(
      'rollcall_notification_deliveries_total',
      'Notification delivery attempts, by platform, outcome (delivered, retry, undeliverable) and reason ' +
        '(ok, transient, rate_limited, timeout, operator: an admin must fix the token or scope, recipient: ' +
        'the person can never receive it).',
      ['platform', 'outcome', 'reason'],
    ),
    sweeps: counter('rollcall_expiry_sweeps_total', 'Runs of the scheduled expiry job, by outcome.', ['outcome']),
    expired: counter('rollcall_invitations_expired_total', 'Invitations marked expired by the sweep.', []),
    outboxPruned: counter(
      'rollcall_outbox_pruned_total',
      'Delivered notifications deleted after OUTBOX_RETENTION (the activity keeps them).',
      [],
    ),
    storeErrors: counter(
      'rollcall_store_connection_errors_total',
      'Database connections lost outside a query (a restarted or failed-over PostgreSQL); the pool reconnects.',
      ['kind'],
    ),
    processErrors: counter(
      'rollcall_process_errors_total',
      'Errors that reached the process itself (unhandled_rejection: logged, process goes on).',
      ['kind'],
    ),
    discordGatewayLeader: new Gauge({
      name: 'rollcall_discord_gateway_leader',
      help: 'Whether this process holds the Discord gateway (1) or stands by (0); across processes the sum is 1.',
      registers: [registry],
    }),
  };
}
