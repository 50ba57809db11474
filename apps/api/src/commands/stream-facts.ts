import { Inject, Injectable } from '@nestjs/common';
import { streams, themeYear } from '@app/contracts';
import {
  BUSINESS_TIME_CORRECTED,
  MEMBER_ACT_EVENT_TYPES,
  isThemeDefined,
  memberActsOf,
  memberDecider,
  memberFacts,
  networkYearDecider,
  type CorrectedEvent,
  type MemberActs,
  type MemberFacts,
} from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, toDomainEvent } from './command-runner';

/** Events per read of the log when a member's acts are looked for. */
const ACTS_PAGE = 1_000;

const pick = ({ type, data }: { type: string; data: unknown }) => ({ type, data });

/**
 * Facts about other streams that a decider needs in its command's context (is the proposer an active member,
 * does the Doetank exist, is the theme defined). Read fresh from the event store, never from a read model, so
 * the rules hold without waiting for projections.
 */
@Injectable()
export class StreamFacts {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async member(memberId: string): Promise<MemberFacts> {
    const { state } = await this.runner.decisionState(memberDecider, streams.member(memberId));
    return memberFacts(memberId, state);
  }

  async members(memberIds: readonly string[]): Promise<MemberFacts[]> {
    return Promise.all(memberIds.map((id) => this.member(id)));
  }

  async doetankExists(doetankId: string): Promise<boolean> {
    return (await this.store.streamRevision(streams.doetank(doetankId))) !== undefined;
  }

  /** The event at `revision` of `streamId` as stored (upcast), for a correction of its business time. */
  async recordedEvent(streamId: string, revision: number): Promise<CorrectedEvent | undefined> {
    if ((await this.store.streamRevision(streamId)) === undefined) return undefined;
    const [event] = await this.store.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (event?.revision !== revision) return undefined;
    return { id: event.id, ...pick(toDomainEvent(event)) };
  }

  /** A stream's events as stored (upcast; personal data stays sealed), in revision order; none for no stream. */
  async recordedEvents(streamId: string): Promise<CorrectedEvent[]> {
    if ((await this.store.streamRevision(streamId)) === undefined) return [];
    const events = await this.store.readStream(streamId);
    return events.map((event) => ({ id: event.id, ...pick(toDomainEvent(event)) }));
  }

  /**
   * The member's first and last act in other streams (`MEMBER_ACT_EVENT_TYPES`), at their business times as
   * corrected, from the event log read through once, filtered by type (the acts and the corrections), a page at a
   * time. No stream or index lists a member's acts, and a read model would have to be waited for; this costs a
   * read of most of the log, which only a correction moving a joining later or a leaving earlier pays (see
   * docs/architecture.md, "Business time cannot run backwards").
   */
  async memberActsElsewhere(memberId: string): Promise<MemberActs> {
    const acts = memberActsOf(memberId);
    const eventTypes = [...MEMBER_ACT_EVENT_TYPES, BUSINESS_TIME_CORRECTED];
    let after: number | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: ACTS_PAGE, eventTypes });
      // An adapter may answer a filtered page short of `maxCount` before the end: only an empty page ends the log.
      if (page.length === 0) return acts.acts();
      for (const event of page) {
        const { type, data, occurredAt = '' } = toDomainEvent(event);
        const { id, streamId, revision } = event;
        acts.add({ id, type, data, streamId, revision, occurredAt });
      }
      after = page.at(-1)!.position;
    }
  }

  async themeDefined(themeId: string): Promise<boolean> {
    const year = themeYear(themeId);
    if (year === undefined) return false;
    const { state } = await this.runner.decisionState(networkYearDecider, streams.networkYear(year));
    return isThemeDefined(state, themeId);
  }
}
