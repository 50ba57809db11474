import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ProjectorService, registerProjectionMetrics } from '@app/projection-runtime';
import type { AppendedEventsListener } from '../commands/appended-events';
import { CommandRunner } from '../commands/command-runner';

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

  constructor(projector: ProjectorService, moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry, prefix: 'slimmernetwerk_' });
    // The projections' figures, as the projector app shows them (position, lag, state, lease, events applied).
    registerProjectionMetrics(this.registry, () => projector.statuses());
    // The process's heap figures above are its main thread's; the embedded projector's worker thread has a heap of
    // its own, which it reports with its statuses.
    this.gauge(
      'slimmernetwerk_projector_thread_heap_used_bytes',
      "The embedded projector worker thread's V8 heap in use, as it last reported it (absent without the thread)",
      () => projector.threadHeapUsedBytes,
    );
    // The command side's cache of folded streams, bounded by COMMAND_STATE_CACHE_STREAMS x 40 events. The runner is
    // looked up when scraped: it takes this class as its APPENDED_EVENTS_LISTENER, so it cannot be injected here.
    const cachedStates = () => moduleRef.get(CommandRunner, { strict: false }).cachedStates;
    this.gauge(
      'slimmernetwerk_command_state_cache_events',
      "Events held by the command side's cache of folded streams",
      () => cachedStates().events,
    );
    this.gauge(
      'slimmernetwerk_command_state_cache_streams',
      "Streams held by the command side's cache of folded streams",
      () => cachedStates().streams,
    );
  }

  /** A gauge read when scraped; left out while `read` has no value. */
  private gauge(name: string, help: string, read: () => number | undefined): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const value = read();
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  }

  appended(events: readonly { type: string }[]): void {
    for (const event of events) this.eventsAppended.inc({ type: event.type });
  }
}
