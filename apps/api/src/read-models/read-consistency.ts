import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { READ_MODEL_HEADERS } from './read-model-query.dto';
import { ProjectorService } from '@app/projections/nest';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/**
 * Read-your-writes for every read-model endpoint. A client passes the `position` a command answered with as
 * `minPosition`; the answer waits (at most `readWaitMaxMs`) until the projections the endpoint reads have applied
 * it, and says how far they are in `X-Read-Model-Position` and, with `minPosition`, whether they got there in
 * `X-Read-Model-Consistent`.
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
    const consistent =
      minPosition === undefined
        ? undefined
        : await this.projector.waitForPosition(minPosition, this.config.readWaitMaxMs, projections);
    void reply.header(READ_MODEL_HEADERS.position, String(await this.lowestPosition(projections)));
    if (consistent !== undefined) void reply.header(READ_MODEL_HEADERS.consistent, String(consistent));
    return query();
  }

  /** The lowest position among the named projections: what every one of them has applied. */
  async lowestPosition(projections: readonly string[]): Promise<number> {
    // Runners of this process (its main thread or its worker thread) are known without a round trip; otherwise
    // their stored checkpoints tell.
    const positions = this.projector.running
      ? projections.map((name) => this.projector.position(name) ?? 0)
      : (await this.projector.statuses()).filter((s) => projections.includes(s.name)).map((s) => s.position);
    return positions.length === 0 ? 0 : Math.min(...positions);
  }
}
