import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { streams, type DoetankEvent } from '@app/contracts';
import { type DoetankStateResponseDto } from '../audit.response.dto';
import { clockOf, doetankDecider, fold } from '@app/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { toDomainEvent } from '../../../commands/command-runner';
import { InvalidRequestError } from '../../../problem-details/invalid-request.error';
import { NotFoundError } from '../../../problem-details/not-found.error';
import { doetankNotFound } from '../doetank-not-found';
import { DoetankStateQuery } from './doetank-state.query';

/**
 * Replays the Doetank's stream through the same `evolve` the command side uses, stopping at a revision or at a
 * moment of business time, so an auditor sees exactly what the rules saw then.
 */
@QueryHandler(DoetankStateQuery)
export class DoetankStateHandler implements IQueryHandler<DoetankStateQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_TRANSFORMER) private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ doetankId, point }: DoetankStateQuery): Promise<DoetankStateResponseDto> {
    if (point.revision !== undefined && point.at !== undefined) {
      throw new InvalidRequestError('Give either revision or at, not both');
    }
    const streamId = streams.doetank(doetankId);
    const currentRevision = await this.store.streamRevision(streamId);
    if (currentRevision === undefined) throw doetankNotFound(doetankId);
    if (point.revision !== undefined && point.revision > currentRevision) {
      throw new NotFoundError(
        'DOETANK.NO_SUCH_REVISION',
        `Doetank ${doetankId} has no revision ${point.revision}; its newest is ${currentRevision}`,
      );
    }
    const events = await this.personalData.open(
      await this.store.readStream(streamId, {
        maxCount: point.revision !== undefined ? point.revision + 1 : undefined,
      }),
    );
    const at = point.at !== undefined ? new Date(point.at).toISOString() : undefined;
    // When each event happened, as corrected (BusinessTimeCorrected); a correction itself is not on the clock.
    const clock = new Map(
      clockOf(events.map(toDomainEvent)).map((entry) => [entry.revision, entry.occurredAt]),
    );
    // Every event that had occurred by then, in revision order. Business time never runs backwards in a stream
    // (the deciders refuse it), so this is a prefix of the stream.
    const upTo =
      at === undefined
        ? events
        : events.filter((e) => {
            const time = clock.get(e.revision);
            return time !== undefined && time <= at;
          });
    if (upTo.length === 0) {
      throw new NotFoundError(
        'DOETANK.NOT_YET_PROPOSED',
        `Doetank ${doetankId} did not exist yet at ${point.at}`,
      );
    }
    const state = fold(
      doetankDecider,
      upTo.map((e) => toDomainEvent(e) as DoetankEvent),
    );
    const last: RecordedEvent = upTo[upTo.length - 1];
    return {
      doetankId,
      revision: last.revision,
      occurredAt: clock.get(last.revision) ?? last.metadata.occurredAt,
      currentRevision,
      state: JSON.parse(JSON.stringify(state)) as Record<string, unknown>,
    };
  }
}
