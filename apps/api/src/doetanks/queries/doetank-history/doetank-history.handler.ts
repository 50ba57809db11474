import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { type DoetankHistoryResponseDto } from '../audit.response.dto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { verifyStream } from '@app/event-store/integrity';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { toAuditEvent } from '../audit-event';
import { doetankNotFound } from '../doetank-not-found';
import { DoetankHistoryQuery } from './doetank-history.query';

/**
 * The audit trail of a Doetank, straight from its stream: every event with revision, data and metadata. Personal
 * data, should an event ever carry any, is shown opened (or "forgotten"), never as ciphertext.
 */
@QueryHandler(DoetankHistoryQuery)
export class DoetankHistoryHandler implements IQueryHandler<DoetankHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_TRANSFORMER) private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ doetankId, from, limit }: DoetankHistoryQuery): Promise<DoetankHistoryResponseDto> {
    const streamId = streams.doetank(doetankId);
    const currentRevision = await this.store.streamRevision(streamId);
    if (currentRevision === undefined) throw doetankNotFound(doetankId);
    const events =
      from > currentRevision
        ? []
        : await this.personalData.open(
            await this.store.readStream(streamId, { fromRevision: from, maxCount: limit }),
          );
    const last = events[events.length - 1];
    return {
      doetankId,
      streamId,
      currentRevision,
      events: events.map(toAuditEvent),
      nextFrom: last && last.revision < currentRevision ? last.revision + 1 : undefined,
      // The whole stream's chain, whatever the page: its events as stored, sealed personal data sealed.
      integrity: await verifyStream(this.store, streamId),
    };
  }
}
