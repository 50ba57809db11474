import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Registry,
} from 'prom-client';
import type { ProjectionState } from '@app/projections/runner';
import { ProjectorService, type MeasuredStatus } from './projector.service';

const STATES: readonly ProjectionState[] = [
  'starting',
  'standby',
  'catching-up',
  'live',
  'failed',
  'stopped',
];

/**
 * The projections' Prometheus metrics in `registry`, read from `statuses()` when Prometheus scrapes, so they are
 * never stale. The metrics of one scrape (prom-client collects them concurrently) share one reading, and so does a
 * /health check at the same moment: ProjectorService.statuses() hands every caller of the moment the same reading.
 * A value that cannot be read now is left out rather than shown as it last was. Used by the api's registry and the
 * projector app's.
 *
 * - `slimmernetwerk_projection_events_applied_total{projection}`: events this process applied and wrote (with a
 *   lease, only while holding it; the counts of all projector processes add up to the events of the log, plus a
 *   batch redone per handover from a projector that died before writing it);
 * - `slimmernetwerk_projection_position`, `_lag_events`, `_lag_events_exact`, `_lag_seconds`, `_failed` per
 *   projection (`_lag_events_exact` 0: the lag in events is a lower bound, counted by reading up to a cap);
 * - `slimmernetwerk_projection_state{projection,state}`: 1 for the current state, 0 for the others;
 * - `slimmernetwerk_projection_lease_held{projection}` and `_lease_acquisitions_total`: whether this process holds
 *   the projection's lease, and how often it took it (present where the runners take leases).
 */
export function registerProjectionMetrics(
  registry: Registry,
  statuses: () => Promise<readonly MeasuredStatus[]>,
): void {
  const current = () => statuses().catch((): readonly MeasuredStatus[] => []);
  /** A metric per projection, filled at each scrape from one reading (`record`: set a gauge, add to a counter). */
  const perProjection =
    <M extends Gauge<'projection'> | Counter<'projection'>>(
      Metric: new (config: GaugeConfiguration<'projection'> & CounterConfiguration<'projection'>) => M,
      record: (metric: M, projection: string, value: number) => void,
    ) =>
    (name: string, help: string, pick: (s: MeasuredStatus) => number | undefined): void => {
      const metric: M = new Metric({
        name,
        help,
        labelNames: ['projection'] as const,
        registers: [registry],
        collect: async () => {
          const all = await current();
          metric.reset();
          for (const status of all) {
            const value = pick(status);
            if (value !== undefined) record(metric, status.name, value);
          }
        },
      });
    };
  const gauge = perProjection(Gauge, (g, projection, value) => g.set({ projection }, value));
  // A counter kept by the runners: each scrape copies their totals (a process that restarts starts from 0, which
  // Prometheus reads as a counter reset).
  const counter = perProjection(Counter, (c, projection, value) => c.inc({ projection }, value));

  counter(
    'slimmernetwerk_projection_events_applied_total',
    'Events this process applied and wrote, per projection (skipped ones included)',
    (s) => s.eventsApplied,
  );
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
  new Gauge({
    name: 'slimmernetwerk_projection_state',
    help: `1 for the state the projection is in (${STATES.join(', ')}), 0 for the others`,
    labelNames: ['projection', 'state'] as const,
    registers: [registry],
    collect: async function (this: Gauge<'projection' | 'state'>) {
      const all = await current();
      this.reset();
      for (const status of all) {
        for (const state of STATES) {
          this.set({ projection: status.name, state }, status.state === state ? 1 : 0);
        }
      }
    },
  });
  gauge(
    'slimmernetwerk_projection_lease_held',
    "1 while this process holds the projection's lease (it applies the events), 0 in standby",
    (s) => (s.lease === undefined ? undefined : s.lease.held ? 1 : 0),
  );
  counter(
    'slimmernetwerk_projection_lease_acquisitions_total',
    "Times this process took the projection's lease (its start, then every takeover)",
    (s) => s.lease?.acquisitions,
  );
}

/**
 * A registry of the projector's own (not prom-client's global one, so several apps in one process do not collide):
 * the process's figures and the projection metrics. The projector app serves it on `/metrics`.
 */
@Injectable()
export class ProjectorMetrics {
  readonly registry = new Registry();

  constructor(projector: ProjectorService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'slimmernetwerk_' });
    registerProjectionMetrics(this.registry, () => projector.statuses());
  }
}
