import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { ProjectorService, registerProjectionMetrics } from '@app/projection-runtime';
import type { AppendedEventsListener } from '../commands/appended-events';

/**
 * The api's Prometheus metrics, in a registry of its own (not prom-client's global one), so several apps in one
 * process (tests) do not collide.
 */
@Injectable()
export class Metrics implements AppendedEventsListener {
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
    // The projections' figures, as the projector app shows them (position, lag, state, lease, events applied).
    registerProjectionMetrics(this.registry, () => projector.statuses());
  }

  appended(events: readonly { type: string }[]): void {
    for (const event of events) this.eventsAppended.inc({ type: event.type });
  }
}
