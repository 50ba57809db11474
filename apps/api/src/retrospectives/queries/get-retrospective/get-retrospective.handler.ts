import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Retrospective } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { latestSealAtOrBefore } from '@app/event-store/integrity';
import { readRetrospective, retrospectivesProjection } from '@app/projections';
import { checkpointName } from '@app/projections/runner';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { GetRetrospectiveQuery } from './get-retrospective.query';

/**
 * Reads the figures of the years up to the year and that year's lists (see `readRetrospective`) and assembles the
 * report; totals at the year's end are sums of the yearly deltas. A year without activity gives a well-formed
 * report with zeros.
 */
@QueryHandler(GetRetrospectiveQuery)
export class GetRetrospectiveHandler implements IQueryHandler<GetRetrospectiveQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ year }: GetRetrospectiveQuery): Promise<Retrospective> {
    // The position first: the figures read after it include at least every event up to it.
    const position = await this.appliedPosition();
    const report = await readRetrospective(this.store, year);
    const seal = await latestSealAtOrBefore(this.events, position);
    return {
      ...report,
      seal: seal
        ? {
            revision: seal.revision,
            position: seal.position,
            streams: seal.streams,
            events: seal.events,
            root: seal.root,
            sealedAt: seal.sealedAt,
          }
        : null,
    };
  }

  /** The position the active version of the retrospectives read model has applied. */
  private async appliedPosition(): Promise<number> {
    const collection = retrospectivesProjection.collections[0].name;
    const version = (await this.store.collectionVersions(collection)).active ?? 1;
    const checkpoint = await this.store.getCheckpoint(checkpointName(retrospectivesProjection.name, version));
    return checkpoint?.position ?? 0;
  }
}
