import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { ProjectionState, ProjectionStatus } from '../runner/projection-runner';
import { ProjectorService } from './projector.service';

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
 * never stale: one read of the statuses per scrape, shared by every metric (prom-client collects them
 * concurrently). Used by the api's registry and the projector app's.
 *
 * - `slimmernetwerk_projection_events_applied_total{projection}`: events this process applied and wrote (with a
 *   lease, only while holding it; the counts of all projector processes add up to the events of the log, plus a
 *   batch redone per handover from a projector that died before writing it);
 * - `slimmernetwerk_projection_position`, `_lag_events`, `_lag_seconds`, `_failed` per projection;
 * - `slimmernetwerk_projection_state{projection,state}`: 1 for the current state, 0 for the others;
 * - `slimmernetwerk_projection_lease_held{projection}` and `_lease_acquisitions_total`: whether this process holds
 *   the projection's lease, and how often it took it (present where the runners take leases).
 */
export function registerProjectionMetrics(
  registry: Registry,
  statuses: () => Promise<readonly ProjectionStatus[]>,
): void {
  let pending: Promise<readonly ProjectionStatus[]> | undefined;
  const current = () => {
    pending ??= statuses().finally(() => setTimeout(() => (pending = undefined), 50));
    return pending;
  };
  const gauge = (name: string, help: string, pick: (s: ProjectionStatus) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      collect: async function (this: Gauge<'projection'>) {
        for (const status of await current()) {
          const value = pick(status);
          if (value !== undefined) this.set({ projection: status.name }, value);
        }
      },
    });
  // A counter kept by the runners: each scrape copies their totals (a process that restarts starts from 0, which
  // Prometheus reads as a counter reset).
  const counter = (name: string, help: string, pick: (s: ProjectionStatus) => number | undefined) =>
    new Counter({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      collect: async function (this: Counter<'projection'>) {
        const all = await current();
        this.reset();
        for (const status of all) {
          const value = pick(status);
          if (value !== undefined) this.inc({ projection: status.name }, value);
        }
      },
    });

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
    'Events in the store not yet applied, per projection',
    (s) => s.lagEvents,
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
      for (const status of await current()) {
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
