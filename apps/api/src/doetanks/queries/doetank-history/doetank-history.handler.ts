import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Timed } from '@app/domain';
import { MEMBERS_COLLECTION, streams, type DoetankEvent, type MemberDocument } from '@app/contracts';
import { type DoetankHistoryResponseDto } from '../audit.response.dto';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { verifyStream } from '@app/event-store/integrity';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { toDomainEvent } from '../../../commands/command-runner';
import { toAuditEvent } from '../audit-event';
import { doetankNotFound } from '../doetank-not-found';
import { DoetankHistoryQuery } from './doetank-history.query';
import { correctedTimes, historySteps, memberIdsOf } from './history-story';

/**
 * The audit trail of a Doetank, straight from its stream: every event with revision, data and metadata. Personal
 * data, should an event ever carry any, is shown opened (or "forgotten"), never as ciphertext. Each event also
 * says what it changed (the decider's state before and after it) and why, where its command gave a reason; the
 * members it names come with their names from the member directory (never their e-mail addresses).
 */
@QueryHandler(DoetankHistoryQuery)
export class DoetankHistoryHandler implements IQueryHandler<DoetankHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_TRANSFORMER) private readonly personalData: PersonalDataReader,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ doetankId, from, limit }: DoetankHistoryQuery): Promise<DoetankHistoryResponseDto> {
    const streamId = streams.doetank(doetankId);
    const currentRevision = await this.store.streamRevision(streamId);
    if (currentRevision === undefined) throw doetankNotFound(doetankId);
    // From revision 0: what the page's first event changed needs the state before it.
    const stored =
      from > currentRevision ? [] : await this.store.readStream(streamId, { maxCount: from + limit });
    const read = await this.personalData.open(stored);
    const domainEvents = read.map((e) => toDomainEvent(e) as Timed<DoetankEvent>);
    const steps = historySteps(domainEvents, from);
    const corrected = correctedTimes(domainEvents);
    const events = read.slice(from);
    const last = events[events.length - 1];
    return {
      doetankId,
      streamId,
      currentRevision,
      events: events.map((event, index) => ({
        ...toAuditEvent(event),
        ...steps[index],
        ...(corrected.has(event.revision) && { correctedOccurredAt: corrected.get(event.revision) }),
      })),
      nextFrom: last && last.revision < currentRevision ? last.revision + 1 : undefined,
      names: await this.namesOf(events),
      // The whole stream's chain, whatever the page: its events as stored, sealed personal data sealed; those
      // read above are checked as read, only the ones after the page are read again.
      integrity: await verifyStream(this.store, streamId, { read: stored }),
    };
  }

  /**
   * The names of the members the events name, from the member directory: a forgotten member's is null; someone
   * who is not a member (the system, a coordinator's service token) is not listed. Never an e-mail address.
   */
  private async namesOf(events: readonly RecordedEvent[]): Promise<Record<string, string | null>> {
    const ids = [
      ...new Set(events.flatMap((e) => memberIdsOf(e.data as Record<string, unknown>, { ...e.metadata }))),
    ];
    if (ids.length === 0) return {};
    const members = await this.readStore.getMany<MemberDocument>(MEMBERS_COLLECTION, ids);
    return Object.fromEntries(
      [...members.values()].map((m) => [m.id, m.status === 'forgotten' ? null : m.name]),
    );
  }
}
