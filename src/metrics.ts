import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/** Prometheus counters served at GET /metrics. One registry per process (or per test). */
export interface Metrics {
  readonly registry: Registry;
  readonly commands: Counter<'platform' | 'command' | 'outcome'>;
  readonly deliveries: Counter<'platform' | 'outcome'>;
  readonly sweeps: Counter<'outcome'>;
  readonly expired: Counter;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    commands: new Counter({
      name: 'rollcall_commands_total',
      help: 'Commands handled, by platform, command name and outcome (ok or an error code).',
      labelNames: ['platform', 'command', 'outcome'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'rollcall_notification_deliveries_total',
      help: 'Notification delivery attempts, by platform and outcome (delivered, retry, undeliverable).',
      labelNames: ['platform', 'outcome'],
      registers: [registry],
    }),
    sweeps: new Counter({
      name: 'rollcall_expiry_sweeps_total',
      help: 'Runs of the scheduled expiry and delivery job, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    expired: new Counter({
      name: 'rollcall_invitations_expired_total',
      help: 'Invitations marked expired by the sweep.',
      registers: [registry],
    }),
  };
}
