import { domainError } from '../domain-errors';
import type { Decider } from './decider';
import type { MemberFacts } from './member-status';
import { isBlank, isNormalisedIsoTime } from './validation';

/**
 * Business time: when something happened in the network (ISO-8601, UTC, `toISOString()`), as opposed to when it
 * was recorded. The write path hands it to the domain on commands (the request's `occurredAt`) and on the events
 * it folds (the stored event's `metadata.occurredAt`). Optional, so that a spec about something else need not
 * date its commands; the write path always does.
 */
export interface BusinessTime {
  occurredAt?: string;
}

/** A command or event together with its business time. */
export type Timed<T> = T & BusinessTime;

/** One dated event of a stream. */
export interface ClockEntry {
  revision: number;
  type: string;
  occurredAt: string;
}

/**
 * When each event of a stream happened, in revision order, as corrected by its `BusinessTimeCorrected` events
 * (which are facts about the record, not about the network, and so have no place on the clock themselves).
 */
export type StreamClock = readonly ClockEntry[];

export const EMPTY_CLOCK: StreamClock = [];

/** The type of the event that corrects a recorded business time (`BusinessTimeCorrected`). */
export const BUSINESS_TIME_CORRECTED = 'BusinessTimeCorrected';

interface ClockedEvent extends BusinessTime {
  type: string;
  data: unknown;
}

const isCorrection = (
  event: ClockedEvent,
): event is ClockedEvent & { data: { revision: number; correctedTo: string } } =>
  event.type === BUSINESS_TIME_CORRECTED;

/** The clock after the event at `revision`. */
export const advanceClock = (clock: StreamClock, event: ClockedEvent, revision: number): StreamClock => {
  if (isCorrection(event)) {
    const { revision: corrected, correctedTo } = event.data;
    return clock.map((entry) =>
      entry.revision === corrected ? { ...entry, occurredAt: correctedTo } : entry,
    );
  }
  if (event.occurredAt === undefined) return clock;
  return [...clock, { revision, type: event.type, occurredAt: event.occurredAt }];
};

/**
 * The clock of a stream from its events (the first at `fromRevision`, following `from`). One copy of `from`, then
 * appended to in place: a long stream (a Grand Café's registrations) is folded in linear time.
 */
export const clockOf = (
  events: readonly ClockedEvent[],
  from: StreamClock = EMPTY_CLOCK,
  fromRevision = 0,
): StreamClock => {
  const clock = [...from];
  events.forEach((event, index) => {
    if (isCorrection(event)) {
      const at = clock.findIndex((entry) => entry.revision === event.data.revision);
      if (at >= 0) clock[at] = { ...clock[at], occurredAt: event.data.correctedTo };
    } else if (event.occurredAt !== undefined) {
      clock.push({ revision: fromRevision + index, type: event.type, occurredAt: event.occurredAt });
    }
  });
  return clock;
};

/**
 * Refuses `command` dated `occurredAt` when that lies before `dependencyAt`, the business time of `dependency`
 * (what it depends on: "DoetankStarted (revision 3)", "member m-1 joined the network"). Equal times are allowed:
 * an import often dates a day's steps alike.
 */
export const requireNotBefore = (
  command: string,
  occurredAt: string | undefined,
  dependency: string,
  dependencyAt: string | undefined,
): void => {
  if (occurredAt === undefined || dependencyAt === undefined) return;
  // Both are normalised UTC ISO strings (`toISOString()`, years 2000 on), so they compare as text.
  if (occurredAt < dependencyAt) {
    throw domainError('BUSINESS_TIME.BEFORE_DEPENDENCY', { command, occurredAt, dependency, dependencyAt });
  }
};

/**
 * Refuses a correction that would date an event `occurredAt`, after `dependent` (what came after it and depends on
 * it: the stream's next event, a member's first act after joining) at `dependentAt`. Equal times are allowed.
 */
export const requireNotAfter = (
  command: string,
  occurredAt: string,
  dependent: string,
  dependentAt: string,
): void => {
  if (occurredAt > dependentAt) {
    throw domainError('BUSINESS_TIME.AFTER_DEPENDENT', { command, occurredAt, dependent, dependentAt });
  }
};

/** Nothing in a stream happens before the stream's previous event. */
export const requireAfterStream = (
  command: string,
  occurredAt: string | undefined,
  clock: StreamClock,
): void => {
  const last = clock.at(-1);
  if (!last) return;
  requireNotBefore(command, occurredAt, `${last.type} (revision ${last.revision})`, last.occurredAt);
};

/** What a member did in the network (propose, coach, join, register, share) comes after they joined it. */
export const requireJoinedBefore = (
  command: string,
  occurredAt: string | undefined,
  facts: MemberFacts,
): void =>
  requireNotBefore(command, occurredAt, `member ${facts.memberId} joined the network`, facts.joinedAt);

/**
 * Decides a dated command: the decider's rules first (its refusals win), then the stream's causality, for the
 * events it would write. The one way the write path and the decider specs decide, so both hold the same rules.
 */
export const decideInTime = <Command, Event, State>(
  decider: Pick<Decider<Command, Event, State>, 'decide' | 'unordered'>,
  command: Timed<Command>,
  state: State,
  clock: StreamClock,
): Event[] => {
  const events = decider.decide(command, state);
  if (events.length > 0 && !decider.unordered) {
    const { type, occurredAt } = command as Timed<{ type?: string }>;
    requireAfterStream(type ?? 'The command', occurredAt, clock);
  }
  return events;
};

/**
 * The event a correction is about, as stored (its id, type and data), which the write path reads for the decider:
 * the correction copies what the read models count of it (see `CorrectedEventCounts`), so that they can move it.
 * Undefined when the stream has no event at the revision (the decider then refuses the correction).
 */
export interface CorrectedEvent {
  id: string;
  type: string;
  data: unknown;
}

/** A correction of the business time of the event at `revision` of `streamId`, as the decider was asked for it. */
export interface CorrectionRequest {
  command: string;
  streamId: string;
  revision: number;
  correctedTo: string;
  reason: string;
}

/**
 * Decides a correction of a recorded business time against the stream's clock: the event exists and is not itself
 * a correction, the new time differs, and it stays between the event's neighbours (after the one before it, not
 * after the one that follows), so the stream's business time still never runs backwards. Returns the corrected
 * entry, the time it had, and the trimmed reason.
 */
export const decideCorrection = (
  request: CorrectionRequest,
  clock: StreamClock,
): { entry: ClockEntry; reason: string } => {
  const { command, streamId, revision, correctedTo } = request;
  if (isBlank(request.reason)) throw domainError('BUSINESS_TIME.REASON_REQUIRED', { streamId, revision });
  if (!isNormalisedIsoTime(correctedTo)) {
    throw domainError('BUSINESS_TIME.INVALID_TIME', { streamId, revision, value: correctedTo });
  }
  const index = clock.findIndex((entry) => entry.revision === revision);
  const entry = clock[index];
  if (!entry) throw domainError('BUSINESS_TIME.NO_SUCH_EVENT', { streamId, revision });
  if (entry.occurredAt === correctedTo) {
    throw domainError('BUSINESS_TIME.CORRECTION_UNCHANGED', { streamId, revision, occurredAt: correctedTo });
  }
  const before = clock[index - 1];
  if (before) {
    requireNotBefore(command, correctedTo, `${before.type} (revision ${before.revision})`, before.occurredAt);
  }
  const after = clock[index + 1];
  if (after) {
    requireNotAfter(command, correctedTo, `${after.type} (revision ${after.revision})`, after.occurredAt);
  }
  return { entry, reason: request.reason.trim() };
};
