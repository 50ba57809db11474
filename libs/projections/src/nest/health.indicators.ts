import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
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
          ...(s.failedPosition !== undefined ? { failedPosition: s.failedPosition, error: s.error } : {}),
        },
      ]),
    );
    const unhealthy = statuses.filter((s) => s.state === 'failed' || (s.lagEvents ?? 0) > maxLagEvents);
    return unhealthy.length === 0 ? indicator.up(details) : indicator.down(details);
  }
}
