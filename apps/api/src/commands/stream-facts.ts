import { Inject, Injectable } from '@nestjs/common';
import { streams, themeYear } from '@app/contracts';
import {
  isThemeDefined,
  memberDecider,
  memberFacts,
  networkYearDecider,
  type CorrectedEvent,
  type MemberFacts,
} from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, toDomainEvent } from './command-runner';

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
    const { type, data } = toDomainEvent(event);
    return { id: event.id, type, data };
  }

  async themeDefined(themeId: string): Promise<boolean> {
    const year = themeYear(themeId);
    if (year === undefined) return false;
    const { state } = await this.runner.decisionState(networkYearDecider, streams.networkYear(year));
    return isThemeDefined(state, themeId);
  }
}
