import type { GatheringEvent, GatheringHeld, ParticipantRegistered } from '@app/contracts';
import { GATHERING_KINDS } from '@app/contracts/vocabulary';
import { domainError } from '../domain-errors';
import {
  decideCorrection,
  requireJoinedBefore,
  type CorrectedEvent,
  type Timed,
} from '../shared/business-time';
import { CommandContextError, requireFact } from '../shared/command-context-error';
import { assertNever, decider } from '../shared/decider';
import { factsAbout } from '../shared/member-status';
import {
  duplicatesOf,
  isBlank,
  isNormalisedIsoTime,
  optionalText,
  utcCalendarDate,
} from '../shared/validation';
import type {
  AddProgrammeItem,
  CancelGathering,
  CancelRegistration,
  CorrectGatheringBusinessTime,
  RecordGatheringReport,
  GatheringCommand,
  RecordGatheringHeld,
  RegisterForGathering,
  ScheduleGathering,
} from './gathering.commands';
import type { ExistingGathering, GatheringState, ScheduledGathering } from './gathering.state';

/** A gathering stream before it was scheduled. */
export const initialGatheringState: GatheringState = { status: 'none' };

// Checks run in one order for every command: the gathering exists; the input is well-formed; the lifecycle
// allows it; the member may do it; ids are new and places are left.

const requireExisting = (gatheringId: string, state: GatheringState): ExistingGathering => {
  if (state.status === 'none') throw domainError('GATHERING.NOT_FOUND', { id: gatheringId });
  return state;
};

/** Registrations are open until the gathering is held or cancelled. */
const requireOpenForRegistration = (gathering: ExistingGathering): ScheduledGathering => {
  if (gathering.status !== 'scheduled') {
    throw domainError('GATHERING.CLOSED', { gatheringId: gathering.gatheringId, status: gathering.status });
  }
  return gathering;
};

/** Neither held nor cancelled: for holding and cancelling the gathering itself. */
const requireScheduled = (gathering: ExistingGathering): ScheduledGathering => {
  const { gatheringId } = gathering;
  if (gathering.status === 'held') throw domainError('GATHERING.ALREADY_HELD', { gatheringId });
  if (gathering.status === 'cancelled') throw domainError('GATHERING.ALREADY_CANCELLED', { gatheringId });
  return gathering;
};

/** Trimmed text, or the refusal when it is blank. */
const requireText = (value: string, refusal: () => Error): string => {
  if (isBlank(value)) throw refusal();
  return value.trim();
};

const requireNormalisedTime = (field: 'startsAt' | 'heldOn', value: string, gatheringId: string): string => {
  if (!isNormalisedIsoTime(value)) throw domainError('GATHERING.INVALID_TIME', { gatheringId, field, value });
  return value;
};

const schedule = ({ data }: ScheduleGathering, state: GatheringState): GatheringEvent[] => {
  const { gatheringId, kind, capacity } = data;
  if (state.status !== 'none') throw domainError('GATHERING.ALREADY_EXISTS', { id: gatheringId });
  if (!(GATHERING_KINDS as readonly string[]).includes(kind)) {
    throw domainError('GATHERING.UNKNOWN_KIND', { gatheringId, kind, allowed: GATHERING_KINDS });
  }
  const title = requireText(data.title, () => domainError('GATHERING.TITLE_REQUIRED', { gatheringId }));
  const venue = requireText(data.venue, () => domainError('GATHERING.VENUE_REQUIRED', { gatheringId }));
  const startsAt = requireNormalisedTime('startsAt', data.startsAt, gatheringId);
  if (!Number.isInteger(capacity) || capacity <= 0) {
    throw domainError('GATHERING.INVALID_CAPACITY', { gatheringId, capacity });
  }
  const city = optionalText(data.city);
  return [
    {
      type: 'GatheringScheduled',
      data: { gatheringId, kind, title, startsAt, venue, ...(city !== undefined && { city }), capacity },
    },
  ];
};

const register = (
  { type, data, context, occurredAt }: Timed<RegisterForGathering>,
  state: GatheringState,
): GatheringEvent[] => {
  const { gatheringId, memberId } = data;
  const gathering = requireOpenForRegistration(requireExisting(gatheringId, state));
  const facts = factsAbout(type, context?.member, memberId);
  if (facts.status !== 'active') {
    throw domainError('GATHERING.MEMBER_NOT_ACTIVE', { gatheringId, memberId, memberStatus: facts.status });
  }
  requireJoinedBefore(type, occurredAt, facts);
  if (gathering.registered.includes(memberId)) {
    throw domainError('GATHERING.ALREADY_REGISTERED', { gatheringId, memberId });
  }
  if (gathering.registered.length >= gathering.capacity) {
    throw domainError('GATHERING.FULL', { gatheringId, capacity: gathering.capacity });
  }
  return [{ type: 'ParticipantRegistered', data: { gatheringId, memberId } }];
};

const cancelRegistration = ({ data }: CancelRegistration, state: GatheringState): GatheringEvent[] => {
  const { gatheringId, memberId } = data;
  const gathering = requireOpenForRegistration(requireExisting(gatheringId, state));
  if (!gathering.registered.includes(memberId)) {
    throw domainError('GATHERING.NOT_REGISTERED', { gatheringId, memberId });
  }
  const reason = optionalText(data.reason);
  return [
    {
      type: 'RegistrationCancelled',
      data: { gatheringId, memberId, ...(reason !== undefined && { reason }) },
    },
  ];
};

const addProgrammeItem = (
  { type, data, context }: AddProgrammeItem,
  state: GatheringState,
): GatheringEvent[] => {
  const { gatheringId, itemId } = data;
  const gathering = requireExisting(gatheringId, state);
  const title = requireText(data.title, () =>
    domainError('GATHERING.PROGRAMME_TITLE_REQUIRED', { gatheringId, itemId }),
  );
  // A programme may still be completed after the gathering was held (history is often recorded afterwards).
  if (gathering.status === 'cancelled') throw domainError('GATHERING.ALREADY_CANCELLED', { gatheringId });
  const doetankId = optionalText(data.doetankId);
  if (doetankId !== undefined && !requireFact(type, context?.doetankExists, `Doetank ${doetankId} exists`)) {
    throw domainError('GATHERING.UNKNOWN_DOETANK', { gatheringId, doetankId });
  }
  if (gathering.programme.some((item) => item.itemId === itemId)) {
    throw domainError('GATHERING.DUPLICATE_PROGRAMME_ITEM', { gatheringId, itemId });
  }
  const speaker = optionalText(data.speaker);
  return [
    {
      type: 'ProgrammeItemAdded',
      data: {
        gatheringId,
        itemId,
        title,
        ...(speaker !== undefined && { speaker }),
        ...(doetankId !== undefined && { doetankId }),
      },
    },
  ];
};

const recordHeld = (
  { type, data, context }: RecordGatheringHeld,
  state: GatheringState,
): GatheringEvent[] => {
  const { gatheringId, attendees } = data;
  const gathering = requireExisting(gatheringId, state);
  const heldOn = requireNormalisedTime('heldOn', data.heldOn, gatheringId);
  const duplicates = duplicatesOf(attendees);
  if (duplicates.length > 0) {
    throw domainError('GATHERING.DUPLICATE_ATTENDEES', { gatheringId, memberIds: duplicates });
  }
  const scheduled = requireScheduled(gathering);
  // Both times are normalised UTC ISO strings, so their first ten characters compare as calendar dates.
  if (utcCalendarDate(heldOn) < utcCalendarDate(scheduled.startsAt)) {
    throw domainError('GATHERING.NOT_YET_HELD', { gatheringId, startsAt: scheduled.startsAt, heldOn });
  }
  if (!Array.isArray(context?.attendees)) {
    throw new CommandContextError(type, 'the context does not give the facts of the attendees');
  }
  const facts = attendees.map((memberId, index) => factsAbout(type, context.attendees[index], memberId));
  const unknown = facts
    .filter((attendee) => attendee.status === 'unknown')
    .map((attendee) => attendee.memberId);
  if (unknown.length > 0)
    throw domainError('GATHERING.UNKNOWN_ATTENDEES', { gatheringId, memberIds: unknown });
  // Nobody attends before they joined the network (the first who did is named, with both times).
  for (const attendee of facts) requireJoinedBefore(type, heldOn, attendee);
  return [{ type: 'GatheringHeld', data: { gatheringId, attendees: [...attendees], heldOn } }];
};

/** The report of a held gathering, its texts trimmed; recording it again replaces the earlier one. */
const recordReport = ({ data }: RecordGatheringReport, state: GatheringState): GatheringEvent[] => {
  const { gatheringId } = data;
  const gathering = requireExisting(gatheringId, state);
  if (gathering.status !== 'held')
    throw domainError('GATHERING.NOT_HELD', { gatheringId, status: gathering.status });
  const required = (field: string, value: string) =>
    requireText(value, () => domainError('GATHERING.REPORT_TEXT_REQUIRED', { gatheringId, field }));
  const summary = required('summary', data.summary);
  const links = data.links.map((link) => {
    const maker = optionalText(link.maker);
    return {
      title: required('link title', link.title),
      url: link.url,
      ...(maker !== undefined && { maker }),
    };
  });
  const quotes = data.quotes.map((quote) => {
    const role = optionalText(quote.role);
    return {
      text: required('quote', quote.text),
      speaker: required('speaker', quote.speaker),
      ...(role !== undefined && { role }),
    };
  });
  return [
    {
      type: 'GatheringReportRecorded',
      data: {
        gatheringId,
        summary,
        links,
        quotes,
        ...(data.guests !== undefined && { guests: data.guests }),
      },
    },
  ];
};

const cancel = ({ data }: CancelGathering, state: GatheringState): GatheringEvent[] => {
  const { gatheringId } = data;
  const gathering = requireExisting(gatheringId, state);
  const reason = requireText(data.reason, () => domainError('GATHERING.REASON_REQUIRED', { gatheringId }));
  requireScheduled(gathering);
  return [{ type: 'GatheringCancelled', data: { gatheringId, reason } }];
};

/** Who acted in each gathering event that members do: the ones whose joining of the network it comes after. */
const ACTED_BY: Readonly<Record<string, (data: unknown) => readonly string[]>> = {
  ParticipantRegistered: (data) => [(data as ParticipantRegistered['data']).memberId],
  GatheringHeld: (data) => (data as GatheringHeld['data']).attendees,
};

/**
 * The members who acted in a gathering event (the one who registered, the attendees of a held gathering), whose
 * facts a correction of its business time needs in its context; none for an event no member does.
 */
export const membersActingIn = (corrected: CorrectedEvent): readonly string[] =>
  ACTED_BY[corrected.type]?.(corrected.data) ?? [];

/**
 * A correction of a recorded business time, by the rules of a Doetank's (`decideCorrection`: between the event's
 * neighbours on the stream's clock), and by the corrected event's own: a gathering is not held before the day it
 * starts, and nobody registers or attends before joining the network.
 */
const correct = (
  { type, data, context }: CorrectGatheringBusinessTime,
  state: GatheringState,
): GatheringEvent[] => {
  const { gatheringId, revision, correctedTo } = data;
  const gathering = requireExisting(gatheringId, state);
  const { entry, reason } = decideCorrection(
    { command: type, streamId: `gathering-${gatheringId}`, revision, correctedTo, reason: data.reason },
    context.clock,
  );
  const { corrected } = context;
  if (corrected?.type !== entry.type) {
    throw new CommandContextError(type, `the corrected event is not the ${entry.type} at ${revision}`);
  }
  if (entry.type === 'GatheringHeld' && utcCalendarDate(correctedTo) < utcCalendarDate(gathering.startsAt)) {
    throw domainError('GATHERING.NOT_YET_HELD', {
      gatheringId,
      startsAt: gathering.startsAt,
      heldOn: correctedTo,
    });
  }
  const members = membersActingIn(corrected);
  if (!Array.isArray(context.members)) {
    throw new CommandContextError(type, 'the context does not give the facts of the members who acted');
  }
  members.forEach((memberId, index) =>
    requireJoinedBefore(type, correctedTo, factsAbout(type, context.members[index], memberId)),
  );
  // What the retrospectives count of it (per kind; a holding's attendance and attendees), for them to move it.
  const attendees = [...new Set(members)];
  const counts = {
    gatheringKind: gathering.kind,
    ...(entry.type === 'GatheringHeld' && { attendance: attendees.length, attendees }),
  };
  return [
    {
      type: 'BusinessTimeCorrected',
      data: {
        gatheringId,
        revision,
        eventType: entry.type,
        eventId: corrected.id,
        counts,
        correctedFrom: entry.occurredAt,
        correctedTo,
        reason,
      },
    },
  ];
};

/** Decides what a gathering command means for the gathering's stream (`gathering-<id>`). */
export const decideGathering = (command: GatheringCommand, state: GatheringState): GatheringEvent[] => {
  switch (command.type) {
    case 'ScheduleGathering':
      return schedule(command, state);
    case 'RegisterForGathering':
      return register(command, state);
    case 'CancelRegistration':
      return cancelRegistration(command, state);
    case 'AddProgrammeItem':
      return addProgrammeItem(command, state);
    case 'RecordGatheringHeld':
      return recordHeld(command, state);
    case 'RecordGatheringReport':
      return recordReport(command, state);
    case 'CancelGathering':
      return cancel(command, state);
    case 'CorrectGatheringBusinessTime':
      return correct(command, state);
    default:
      return assertNever(command);
  }
};

/**
 * Applies a gathering event. Events that `decide` would never emit in the current state leave the state as it
 * is, so a fold over any stored history is total.
 */
export const evolveGathering = (state: GatheringState, event: GatheringEvent): GatheringState => {
  if (event.type === 'GatheringScheduled') {
    return { status: 'scheduled', ...event.data, registered: [], programme: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ParticipantRegistered':
      return { ...state, registered: [...state.registered, event.data.memberId] };
    case 'RegistrationCancelled':
      return {
        ...state,
        registered: state.registered.filter((memberId) => memberId !== event.data.memberId),
      };
    case 'ProgrammeItemAdded': {
      const { gatheringId: _gatheringId, ...item } = event.data;
      return { ...state, programme: [...state.programme, item] };
    }
    case 'GatheringHeld':
      if (state.status !== 'scheduled') return state;
      return { ...state, status: 'held', attendees: event.data.attendees, heldOn: event.data.heldOn };
    case 'GatheringReportRecorded':
      // The report is told, not decided on: nothing in the state depends on it.
      return state;
    case 'GatheringCancelled':
      if (state.status !== 'scheduled') return state;
      return { ...state, status: 'cancelled', reason: event.data.reason };
    case 'BusinessTimeCorrected':
      // A fact about the record, not about the gathering: the state stays; the stream's clock takes the new time.
      return state;
    default:
      return assertNever(event);
  }
};

/** The gathering decider: one stream per café, Grand Café or masterclass (`gathering-<id>`). */
export const gatheringDecider = decider(decideGathering, evolveGathering, initialGatheringState);
