import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { READ_MODEL_HEADERS } from './read-model-query.dto';
import { ProjectorService } from '@app/projection-runtime';
import { isTransientStoreError } from '@app/resilience';
import { reasonOf } from '@app/stores';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { storeUnavailable } from '../health/readiness.guard';
import { principalOf } from '../auth/principal';

/**
 * Read-your-writes for every read-model endpoint. A client passes the `position` a command answered with as
 * `minPosition`; the answer waits (at most `readWaitMaxMs`; for anonymous callers at most
 * `readWaitAnonymousMaxMs`) until the projections the endpoint reads have applied it, and says how far they are
 * in `X-Read-Model-Position` and, with `minPosition`, whether they got there in `X-Read-Model-Consistent`.
 *
 * The wait is bounded rather than a position beyond the head refused: knowing the head needs the event store,
 * and queries read the read store only. Anonymous callers cannot write, so a short wait costs them nothing real,
 * and a `minPosition` far beyond anything written holds their connection only briefly.
 *
 * All of it needs the read store only (the projections' checkpoints, or their positions in memory when they run
 * in this process), never the event store: queries answer while the event store is down or hangs. A read store
 * that is not reachable makes the answer a 503 with `Retry-After`.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    private readonly projector: ProjectorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Waits for `minPosition` if given, sets the headers, then runs the query. The position is taken before the
   * query runs, so the answer holds at least everything up to it. The headers are set before the query, so a 404
   * of a detail endpoint carries them too (not found yet, or not at all?).
   */
  async answer<T>(
    reply: FastifyReply,
    projections: readonly string[],
    minPosition: number | undefined,
    query: () => Promise<T>,
  ): Promise<T> {
    try {
      const consistent =
        minPosition === undefined
          ? undefined
          : await this.projector.waitForPosition(minPosition, this.longestWait(reply), projections);
      void reply.header(READ_MODEL_HEADERS.position, String(await this.lowestPosition(projections)));
      if (consistent !== undefined) void reply.header(READ_MODEL_HEADERS.consistent, String(consistent));
      return await query();
    } catch (error) {
      if (isTransientStoreError(error)) throw storeUnavailable(reply, reasonOf(error));
      throw error;
    }
  }

  private longestWait(reply: FastifyReply): number {
    return principalOf(reply.request) ? this.config.readWaitMaxMs : this.config.readWaitAnonymousMaxMs;
  }

  /** The lowest position among the named projections: what every one of them has applied. */
  lowestPosition(projections: readonly string[]): Promise<number> {
    return this.projector.lowestPosition(projections);
  }
}
