import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { withDeadline } from '@app/resilience';
import { reasonOf, StoresReadiness } from '@app/stores';
import { ProjectorService, type MeasuredStatus } from './projector.service';

type StoreHealth = { status: 'up' } | { status: 'down'; message: string };

/**
 * Both stores answer, each within `timeoutMs` (a store that hangs is reported down, by name, when its deadline
 * passes: the check never waits longer). A read store that is not open yet is down with the reason it could not
 * be opened.
 */
@Injectable()
export class StoresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Optional() private readonly readiness?: StoresReadiness,
  ) {}

  async check(timeoutMs: number) {
    const indicator = this.health.check('stores');
    const notOpen = this.readiness?.readStoreUnavailable();
    const [eventStore, readStore] = await Promise.all([
      probe('event store', timeoutMs, () => this.events.ping()),
      notOpen !== undefined
        ? ({ status: 'down', message: `read store unavailable: ${notOpen}` } satisfies StoreHealth)
        : probe('read store', timeoutMs, () => this.reads.ping()),
    ]);
    const details = { eventStore, readStore };
    return eventStore.status === 'up' && readStore.status === 'up'
      ? indicator.up(details)
      : indicator.down(details);
  }
}

async function probe(store: string, timeoutMs: number, ping: () => Promise<void>): Promise<StoreHealth> {
  try {
    await withDeadline(timeoutMs, { store, operation: 'ping' }, ping);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', message: reasonOf(error) };
  }
}

/** What readiness allows of the projections. */
export interface LagLimits {
  /** Not ready when the oldest event a projection has not applied has waited longer than this. */
  maxLagSeconds: number;
  /**
   * Not ready when a projection is more events behind than this, where the count is known (exact, or a lower bound
   * already above it); undefined: no limit on events.
   */
  maxLagEvents?: number;
}

/**
 * The projections are prepared (collections ensured, runners started), none failed, and none lags more than the
 * limits: in seconds always, in events only where the count says so for certain. Reports each projection's
 * position, lag in events (and whether that is a lower bound) and seconds, and state, so a falling-behind
 * projection shows up here.
 */
@Injectable()
export class ProjectionsHealthIndicator {
  private readonly logger = new Logger('Projections');
  /** Why each projection was unhealthy at the last check (the kind): a change is logged once, not every poll. */
  private readonly unhealthyBefore = new Map<string, Unhealthy['kind']>();

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly projector: ProjectorService,
  ) {}

  async check(limits: LagLimits) {
    const indicator = this.health.check('projections');
    const readiness = this.projector.readiness();
    if (!readiness.ready) return indicator.down({ reason: readiness.reason });
    let statuses: MeasuredStatus[];
    try {
      statuses = await this.projector.statuses();
    } catch (error) {
      return indicator.down({ reason: reasonOf(error) });
    }
    const unhealthy = new Map<string, Unhealthy>();
    for (const status of statuses) {
      const why = unhealthyBecause(status, limits);
      if (why) unhealthy.set(status.name, why);
    }
    const details = Object.fromEntries(
      statuses.map((s) => [s.name, detailsOf(s, unhealthy.get(s.name)?.reason)]),
    );
    this.logChanges(statuses, unhealthy);
    return unhealthy.size === 0 ? indicator.up(details) : indicator.down(details);
  }

  private logChanges(statuses: readonly MeasuredStatus[], unhealthy: ReadonlyMap<string, Unhealthy>): void {
    for (const s of statuses) {
      const fields = {
        projection: s.name,
        state: s.state,
        position: s.position,
        lagEvents: s.lagEvents,
        lagSeconds: s.lagSeconds,
      };
      const why = unhealthy.get(s.name);
      if (why && this.unhealthyBefore.get(s.name) !== why.kind) {
        this.unhealthyBefore.set(s.name, why.kind);
        this.logger.warn({ msg: `${s.name} ${why.reason}`, ...fields });
      } else if (!why && this.unhealthyBefore.has(s.name)) {
        this.unhealthyBefore.delete(s.name);
        this.logger.log({ msg: `${s.name} has caught up: ${describeLag(s)} behind`, ...fields });
      }
    }
  }
}

interface Unhealthy {
  kind: 'failed' | 'starting' | 'lag-seconds' | 'lag-events';
  reason: string;
}

/** Why a projection keeps the process from being ready, or undefined. */
function unhealthyBecause(s: MeasuredStatus, limits: LagLimits): Unhealthy | undefined {
  if (s.state === 'failed') {
    const reason =
      s.failedPosition !== undefined
        ? `has failed at position ${s.failedPosition}`
        : `has failed: ${s.error ?? 'unknown error'}`;
    return { kind: 'failed', reason };
  }
  if (s.state === 'starting')
    return { kind: 'starting', reason: 'is starting (its position is not known yet)' };
  if (s.lagSeconds !== undefined && s.lagSeconds > limits.maxLagSeconds) {
    const reason = `is falling behind: ${describeLag(s)} (more than ${limits.maxLagSeconds} s)`;
    return { kind: 'lag-seconds', reason };
  }
  // A lower bound above the limit is over it for certain; one below it says nothing.
  if (limits.maxLagEvents !== undefined && s.lagEvents !== undefined && s.lagEvents > limits.maxLagEvents) {
    const reason = `is falling behind: ${describeLag(s)} (more than ${limits.maxLagEvents} events)`;
    return { kind: 'lag-events', reason };
  }
  return undefined;
}

function describeLag(s: MeasuredStatus): string {
  if (s.lagEvents === undefined) return 'an unknown number of events';
  const events = `${s.lagEventsAtLeast ? 'at least ' : ''}${s.lagEvents} events`;
  return s.lagSeconds ? `${events}, the oldest waiting ${s.lagSeconds.toFixed(1)} s` : events;
}

function detailsOf(s: MeasuredStatus, unhealthy: string | undefined) {
  return {
    state: s.state,
    position: s.position,
    ...(s.lagError !== undefined
      ? { lag: `unknown: ${s.lagError}` }
      : {
          lagEvents: s.lagEvents,
          ...(s.lagEventsAtLeast && { lagEventsAtLeast: true }),
          lagSeconds: s.lagSeconds,
        }),
    ...(s.failedPosition !== undefined || s.error !== undefined
      ? { failedPosition: s.failedPosition, error: s.error }
      : {}),
    ...(unhealthy && { reason: `${s.name} ${unhealthy}` }),
  };
}

/**
 * The checks `/health` answers with, the api's and the projector's alike: liveness (the process answers, whatever
 * the stores do) and readiness (both stores answer within `timeoutMs`, and the projections are prepared and keep
 * within the lag limits).
 */
@Injectable()
export class HealthChecks {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
  ) {}

  live() {
    return this.health.check([]);
  }

  ready(limits: LagLimits & { timeoutMs: number }) {
    return this.health.check([
      () => this.stores.check(limits.timeoutMs),
      () => this.projections.check(limits),
    ]);
  }
}
