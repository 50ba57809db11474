import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ProjectorService, type MeasuredStatus } from '@app/projections/nest';

/**
 * The api's Prometheus metrics, in a registry of its own (not prom-client's global one), so several apps in one
 * process (tests) do not collide.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'slimmernetwerk_commands_total',
    help: 'Commands received, by command and outcome (accepted, invalid, forbidden, not_found, conflict, error)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'slimmernetwerk_command_duration_seconds',
    help: 'Time from request to answer of a command, by command',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'slimmernetwerk_events_appended_total',
    help: 'Events appended to the event store, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  constructor(projector: ProjectorService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'slimmernetwerk_' });
    // Projection figures are read when Prometheus scrapes, so they are never stale. The gauges of one scrape
    // (collected concurrently by prom-client) share one reading, and so does a /health check at the same time:
    // ProjectorService.statuses() hands every caller of the moment the same reading.
    const gauge = (name: string, help: string, pick: (s: MeasuredStatus) => number | undefined) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers: [this.registry],
        collect: async function (this: Gauge<'projection'>) {
          // A value that cannot be read now is left out rather than shown as it last was.
          this.reset();
          const statuses = await projector.statuses().catch(() => []);
          for (const status of statuses) {
            const value = pick(status);
            if (value !== undefined) this.set({ projection: status.name }, value);
          }
        },
      });
    gauge(
      'slimmernetwerk_projection_position',
      'Position of the last event applied, per projection',
      (s) => s.position,
    );
    gauge(
      'slimmernetwerk_projection_lag_events',
      'Events in the store not yet applied, per projection (a lower bound where ..._lag_events_exact is 0)',
      (s) => s.lagEvents,
    );
    gauge(
      'slimmernetwerk_projection_lag_events_exact',
      '1 when the lag in events is an exact count, 0 when it is a lower bound (counted by reading, up to a cap)',
      (s) => (s.lagEvents === undefined ? undefined : s.lagEventsAtLeast ? 0 : 1),
    );
    gauge(
      'slimmernetwerk_projection_lag_seconds',
      'How long the oldest event not yet applied has waited, per projection',
      (s) => s.lagSeconds,
    );
    gauge('slimmernetwerk_projection_failed', '1 when the projection stopped on a failing event', (s) =>
      s.state === 'failed' ? 1 : 0,
    );
  }
}
