import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import type { ProjectionStatus } from '../runner/projection-runner';
import { ProjectorService } from './projector.service';

/** Both stores answer. */
@Injectable()
export class StoresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  async check() {
    const indicator = this.health.check('stores');
    const failures: Record<string, string> = {};
    await this.events.ping().catch((e: unknown) => (failures.eventStore = String(e)));
    await this.reads.ping().catch((e: unknown) => (failures.readStore = String(e)));
    return Object.keys(failures).length === 0 ? indicator.up() : indicator.down(failures);
  }
}

/**
 * Every projection runs (none failed) and none is further behind than the threshold. Reports each projection's
 * position, lag in events and seconds, and state, so a falling-behind projection shows up here.
 */
@Injectable()
export class ProjectionsHealthIndicator {
  private readonly logger = new Logger('Projections');
  /** Projections reported unhealthy by the last check: a change is logged once, not on every poll. */
  private readonly unhealthyBefore = new Set<string>();

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly projector: ProjectorService,
  ) {}

  async check(maxLagEvents: number) {
    const indicator = this.health.check('projections');
    const statuses = await this.projector.statuses();
    const details = Object.fromEntries(
      statuses.map((s) => [
        s.name,
        {
          state: s.state,
          position: s.position,
          lagEvents: s.lagEvents,
          lagSeconds: s.lagSeconds,
          ...(s.failedPosition !== undefined || s.error !== undefined
            ? { failedPosition: s.failedPosition, error: s.error }
            : {}),
        },
      ]),
    );
    const unhealthy = statuses.filter((s) => s.state === 'failed' || (s.lagEvents ?? 0) > maxLagEvents);
    this.logChanges(statuses, new Set(unhealthy.map((s) => s.name)), maxLagEvents);
    return unhealthy.length === 0 ? indicator.up(details) : indicator.down(details);
  }

  private logChanges(
    statuses: readonly ProjectionStatus[],
    unhealthy: ReadonlySet<string>,
    maxLagEvents: number,
  ): void {
    for (const s of statuses) {
      const fields = { projection: s.name, state: s.state, position: s.position, lagEvents: s.lagEvents };
      if (unhealthy.has(s.name) && !this.unhealthyBefore.has(s.name)) {
        this.unhealthyBefore.add(s.name);
        this.logger.warn({
          msg:
            s.state === 'failed'
              ? s.failedPosition !== undefined
                ? `${s.name} has failed at position ${s.failedPosition}`
                : `${s.name} has failed: ${s.error}`
              : `${s.name} is falling behind: ${s.lagEvents} events (more than ${maxLagEvents})`,
          ...fields,
        });
      } else if (!unhealthy.has(s.name) && this.unhealthyBefore.has(s.name)) {
        this.unhealthyBefore.delete(s.name);
        this.logger.log({ msg: `${s.name} has caught up: ${s.lagEvents ?? 0} events behind`, ...fields });
      }
    }
  }
}
