import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EVENT_SCHEMA_VERSIONS,
  streams,
  upcast,
  type NetworkEvent,
  type NetworkEventType,
} from '@app/contracts';
import {
  clockOf,
  decideInTime,
  domainError,
  EMPTY_CLOCK,
  fold,
  memberDecider,
  type Decider,
  type StreamClock,
  type Timed,
} from '@app/domain';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataTransformer } from '@app/privacy';
import { backoffDelay } from '@app/resilience';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { KeyedLock } from '../shared/keyed-lock';
import { APPENDED_EVENTS_LISTENER, type AppendedEventsListener } from './appended-events';
import { CLOCK, type Clock } from './clock';
import type { CommandMeta, CommandResult } from './command-meta';
import { eventIdFor } from './deterministic-id';
import { StreamEventIds } from './stream-event-ids';

/** The stream stayed in conflict through every retry: the caller gets 409 and may try again. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY.CONFLICT';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`Stream ${streamId} kept changing while the command was decided (${attempts} attempts); try again`);
    this.name = 'ConcurrencyConflictError';
  }
}

/**
 * An Idempotency-Key whose events in the stream were recorded for another sender: repeating them would answer
 * someone else's command as if it were this one, without deciding it (a lead-only command, say). 422.
 */
export class IdempotencyKeyOfAnotherSenderError extends Error {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(key: string, streamId: string) {
    super(
      `Idempotency-Key ${key} was already used in ${streamId} by another sender; choose a new key for your own request`,
    );
    this.name = 'IdempotencyKeyOfAnotherSenderError';
  }
}

/**
 * A stream folded for a decision: the state, its revision and the ids of its events (enough to recognise a
 * replayed command; not their data).
 */
export interface DecisionState<State> {
  state: State;
  /** Revision of the last event, undefined when the stream does not exist. */
  revision: number | undefined;
  /** The ids of the stream's events, index = revision. */
  eventIds: StreamEventIds;
  /** Commit position of the stream's last event (0 when there is none). */
  lastPosition: number;
  /** When each event of the stream happened (business time, as corrected): the command may not come before. */
  clock: StreamClock;
}

interface CachedStream extends DecisionState<unknown> {
  decider: object;
  revision: number;
  /** Some event of the stream carries personal data. */
  personal: boolean;
}

/**
 * Events the state cache may hold per stream it may keep (COMMAND_STATE_CACHE_STREAMS, default 1,000), so 40,000 by
 * default. An event costs the cache its id (16 bytes) plus what it adds to the folded state (about 150 bytes
 * measured under the benchmark's load: a result's title and link, a member id), so a full cache takes about 6 MB.
 * The bound is in events rather than streams because a state grows with its stream. A thousand streams hold a
 * network's busy Doetanks, gatherings and members; a command on a stream that fell out reads it again.
 */
const STATE_CACHE_EVENTS_PER_STREAM = 40;
/** A stream with personal data is kept briefly: another api instance may destroy the subject's key meanwhile. */
const PERSONAL_STATE_TTL_MS = 10_000;

export interface LoadedStream<State> {
  state: State;
  /** Revision of the last event, undefined when the stream does not exist. */
  revision: number | undefined;
  /** The stream's events with personal data opened (plain, or "forgotten" where the key is destroyed). */
  events: RecordedEvent[];
}

export interface RunCommand<Command, State> {
  decider: Decider<Command, NetworkEvent, State>;
  streamId: string;
  aggregateId: string;
  meta: CommandMeta;
  /**
   * Builds the domain command. Called again on every retry, so facts it reads from other streams (the command's
   * context) are fresh each time.
   */
  build: (state: State, clock: StreamClock) => NoInfer<Command> | Promise<NoInfer<Command>>;
  /** Causation of the events when it is not the request itself (a second step of a multi-stream command). */
  causationId?: string;
}

/**
 * The one write path of the system: load a stream, decide, append with the expected revision.
 *
 * - Commands on one stream queue in-process (KeyedLock), so they do not race one another.
 * - A conflicting append (another process wrote first) is retried by re-reading and re-deciding, with jittered
 *   backoff; after `commandMaxAttempts` the caller gets ConcurrencyConflictError (409).
 * - With an idempotency key, event ids are derived from the key. When the stream already holds the first of them
 *   the command was applied before (maybe by a request that crashed before answering): the same result is
 *   returned and nothing is decided or written again.
 * - Personal data is sealed here, on its way in (every new event goes through the PersonalDataTransformer), and
 *   opened on every read of a stream, so deciders, upcasters and handlers only ever see plain or "forgotten" data.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger(CommandRunner.name);
  private readonly locks = new KeyedLock();
  /**
   * Folded streams, so a command reads only the events appended since it last saw the stream (usually none: one
   * cheap revision lookup). Deciders' `evolve` is pure, so a cached state is never changed in place. A stream with
   * personal data (opened) is kept for a few seconds only, and every entry is dropped when this process forgets a
   * member (forgetCachedStates).
   */
  private readonly states: LRUCache<string, CachedStream>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA_TRANSFORMER) private readonly personalData: PersonalDataTransformer,
    @Optional()
    @Inject(APPENDED_EVENTS_LISTENER)
    private readonly appendedListener?: AppendedEventsListener,
  ) {
    const streams = Math.max(1, config.commandStateCacheStreams);
    this.states = new LRUCache<string, CachedStream>({
      max: streams,
      maxSize: streams * STATE_CACHE_EVENTS_PER_STREAM,
      sizeCalculation: (entry) => entry.eventIds.length + 1,
    });
    this.cachingStates = config.commandStateCacheStreams > 0;
  }

  /** COMMAND_STATE_CACHE_STREAMS=0 turns the cache off (every command reads its whole stream). */
  private readonly cachingStates: boolean;

  run<Command, State>(command: RunCommand<Command, State>): Promise<CommandResult> {
    return this.locks.run(command.streamId, () => this.runWithRetries(command));
  }

  /** Reads a stream and folds it; an absent stream gives the decider's initial state. */
  async load<State>(
    decider: Pick<Decider<unknown, NetworkEvent, State>, 'evolve' | 'initialState'>,
    streamId: string,
  ): Promise<LoadedStream<State>> {
    const revision = await this.store.streamRevision(streamId);
    if (revision === undefined) return { state: decider.initialState, revision: undefined, events: [] };
    const events = await this.personalData.open(await this.store.readStream(streamId));
    const state = fold(decider, events.map(toDomainEvent));
    return { state, revision: events.length > 0 ? events[events.length - 1].revision : revision, events };
  }

  /**
   * The stream folded for a decision, from the state cache plus the events appended since (read from the store).
   * Always current: the store's revision of the stream is checked first.
   */
  async decisionState<State>(
    decider: Pick<Decider<unknown, NetworkEvent, State>, 'evolve' | 'initialState'>,
    streamId: string,
  ): Promise<DecisionState<State>> {
    const revision = await this.store.streamRevision(streamId);
    if (revision === undefined) {
      this.states.delete(streamId);
      return {
        state: decider.initialState,
        revision: undefined,
        eventIds: StreamEventIds.EMPTY,
        lastPosition: 0,
        clock: EMPTY_CLOCK,
      };
    }
    let cached = this.states.get(streamId);
    if (cached && (cached.decider !== decider || cached.revision > revision)) cached = undefined;
    if (cached?.revision === revision) return cached as DecisionState<State>;

    const from = cached ? cached.revision + 1 : 0;
    const recorded = await this.store.readStream(streamId, { fromRevision: from });
    const events = await this.personalData.open(recorded);
    const domainEvents = events.map(toDomainEvent);
    const state = fold(decider, domainEvents, cached ? (cached.state as State) : undefined);
    const clock = clockOf(domainEvents, cached?.clock, from);
    const eventIds = (cached?.eventIds ?? StreamEventIds.EMPTY).appended(recorded.map((e) => e.id));
    const last = recorded[recorded.length - 1];
    if (!last) return { state, revision, eventIds, lastPosition: cached?.lastPosition ?? 0, clock };
    const personal =
      (cached?.personal ?? false) || recorded.some((e) => this.personalData.carriesPersonalData(e));
    const entry: CachedStream = {
      decider,
      state,
      revision: last.revision,
      eventIds,
      lastPosition: last.position,
      personal,
      clock,
    };
    if (this.cachingStates) {
      this.states.set(streamId, entry, personal ? { ttl: PERSONAL_STATE_TTL_MS } : undefined);
    }
    return entry as DecisionState<State>;
  }

  /**
   * After an append, the state cache folds the decided events in, so that the next command on the stream finds
   * it current (one revision lookup, no read). Only when the append followed the cached state directly.
   */
  private rememberAppended<Command, State>(
    command: RunCommand<Command, State>,
    loaded: DecisionState<State>,
    decided: readonly NetworkEvent[],
    written: readonly NewEvent[],
    appended: { nextExpectedRevision: number; position: number },
  ): void {
    if (!this.cachingStates) return;
    const cached = this.states.get(command.streamId);
    const expected = loaded.revision ?? -1;
    if (cached ? cached.revision !== expected || cached.decider !== command.decider : expected !== -1) return;
    const dated = decided.map((event) => ({ ...event, occurredAt: command.meta.occurredAt }));
    const state = fold(command.decider, dated, loaded.state);
    const clock = clockOf(dated, loaded.clock, expected + 1);
    const personal =
      (cached?.personal ?? false) || decided.some((e) => this.personalData.carriesPersonalData(e));
    const entry: CachedStream = {
      decider: command.decider,
      state,
      revision: appended.nextExpectedRevision,
      eventIds: loaded.eventIds.appended(written.map((event) => event.id)),
      // The append's commit position: that of its last event.
      lastPosition: appended.position,
      personal,
      clock,
    };
    this.states.set(command.streamId, entry, personal ? { ttl: PERSONAL_STATE_TTL_MS } : undefined);
  }

  /** What the state cache holds: streams, and events (its size, bounded by COMMAND_STATE_CACHE_STREAMS x 40). */
  get cachedStates(): { streams: number; events: number } {
    return { streams: this.states.size, events: this.states.calculatedSize };
  }

  /** Drops every cached state (after a member's key is destroyed: no opened personal data stays in memory). */
  forgetCachedStates(): void {
    this.states.clear();
  }

  private async runWithRetries<Command, State>(command: RunCommand<Command, State>): Promise<CommandResult> {
    const maxAttempts = this.config.commandMaxAttempts;
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.decisionState(command.decider, command.streamId);
      const replayed = command.meta.idempotencyKey && (await this.replayedResult(command, loaded.eventIds));
      if (replayed) return replayed;

      await this.requireActiveSender(command.meta);
      const domainCommand = await command.build(loaded.state, loaded.clock);
      const decided = decideInTime(
        command.decider,
        { ...domainCommand, occurredAt: command.meta.occurredAt },
        loaded.state,
        loaded.clock,
      );
      if (decided.length === 0) return unchangedResult(command, loaded);

      const newEvents = await this.personalData.sealAll(
        decided.map((event, index) => this.toNewEvent(command, event, index)),
      );
      try {
        const appended = await this.store.appendToStream(
          command.streamId,
          newEvents,
          loaded.revision === undefined ? 'no_stream' : loaded.revision,
        );
        this.appendedListener?.appended(newEvents);
        const first = appended.nextExpectedRevision - newEvents.length + 1;
        this.rememberAppended(command, loaded, decided, newEvents, appended);
        return {
          streamId: command.streamId,
          aggregateId: command.aggregateId,
          revision: appended.nextExpectedRevision,
          position: appended.position,
          events: newEvents.map((e, i) => ({ id: e.id, type: e.type, revision: first + i })),
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= maxAttempts) throw new ConcurrencyConflictError(command.streamId, attempt);
        this.logger.debug(`Conflict on ${command.streamId}, attempt ${attempt}; re-reading`);
        await sleep(conflictBackoff(attempt));
      }
    }
  }

  /**
   * A member who left or was forgotten no longer acts in the network, though their tokens verify until they
   * expire: their commands are refused (403 AUTH.MEMBER_NOT_ACTIVE). Read from the member's stream at every attempt,
   * right before the decision (never from a cache that could be stale), so a leave recorded before that read always
   * counts; only a command whose read crossed the leave's append can be recorded just after it. Coordinators (and imports, which record what others did)
   * are not held to it, nor is a member who has not joined yet: joining is what they may do, and rules that need
   * a member refuse the rest.
   */
  private async requireActiveSender(meta: CommandMeta): Promise<void> {
    if (meta.actsAsCoordinator) return;
    const { state } = await this.decisionState(memberDecider, streams.member(meta.actorId));
    if (state.status === 'left' || state.status === 'forgotten') {
      throw domainError('AUTH.MEMBER_NOT_ACTIVE', { memberId: meta.actorId, status: state.status });
    }
  }

  /**
   * The result of the command as it was answered the first time, when the stream already holds the events its
   * Idempotency-Key derives (the request is a repeat, maybe of one whose process died before it answered); their
   * types and positions are read back from the store (a repeat is rare: the cache keeps ids only).
   */
  private async replayedResult<Command, State>(
    command: RunCommand<Command, State>,
    eventIds: StreamEventIds,
  ): Promise<CommandResult | undefined> {
    const key = command.meta.idempotencyKey!;
    // One hash, not one per event of the stream: long streams (a Grand Café's registrations) made this quadratic.
    const start = eventIds.indexOf(eventIdFor(key, command.streamId, 0));
    if (start < 0) return undefined;
    let count = 1;
    while (
      start + count < eventIds.length &&
      eventIds.at(start + count) === eventIdFor(key, command.streamId, count)
    ) {
      count++;
    }
    const written = await this.store.readStream(command.streamId, { fromRevision: start, maxCount: count });
    const last = written[written.length - 1];
    if (!last) return undefined;
    // Event ids derive from the key and the stream, not from the sender. Another sender's request with the same
    // key (when no answer was stored for it: the first request died before answering, or its record expired)
    // would otherwise get the first request's result without its own command being decided.
    const { actorId, recordedBy } = written[0].metadata;
    if (actorId !== command.meta.actorId || recordedBy !== command.meta.recordedBy) {
      throw new IdempotencyKeyOfAnotherSenderError(key, command.streamId);
    }
    return {
      streamId: command.streamId,
      aggregateId: command.aggregateId,
      revision: last.revision,
      position: last.position,
      events: written.map((e) => ({ id: e.id, type: e.type, revision: e.revision })),
    };
  }

  private toNewEvent<Command, State>(
    command: RunCommand<Command, State>,
    event: NetworkEvent,
    index: number,
  ): NewEvent {
    const { meta } = command;
    return {
      id: meta.idempotencyKey ? eventIdFor(meta.idempotencyKey, command.streamId, index) : randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        occurredAt: meta.occurredAt,
        recordedAt: this.clock.now().toISOString(),
        actorId: meta.actorId,
        ...(meta.recordedBy !== undefined && { recordedBy: meta.recordedBy }),
        correlationId: meta.correlationId,
        causationId: command.causationId ?? meta.causationId,
        schemaVersion: EVENT_SCHEMA_VERSIONS[event.type as NetworkEventType],
      },
    };
  }
}

/** A stored event as the domain sees it: current schema, `{ type, data }`, and its business time. */
export const toDomainEvent = (recorded: RecordedEvent): Timed<NetworkEvent> => ({
  ...upcast(recorded.type, recorded.data, recorded.metadata.schemaVersion ?? 1),
  occurredAt: recorded.metadata.occurredAt,
});

function unchangedResult<Command, State>(
  command: RunCommand<Command, State>,
  loaded: DecisionState<State>,
): CommandResult {
  return {
    streamId: command.streamId,
    aggregateId: command.aggregateId,
    revision: loaded.revision ?? -1,
    position: loaded.lastPosition,
    events: [],
  };
}

/** 10, 20, 40 ... up to 200 ms, full jitter: commands that conflict on one stream do not retry in step. */
const conflictBackoff = (attempt: number) =>
  backoffDelay(attempt, { initialMs: 10, maxMs: 200, jitter: 'full' });
