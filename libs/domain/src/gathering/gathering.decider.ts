import type { GatheringEvent } from '@app/contracts';
import { GATHERING_KINDS } from '@app/contracts/vocabulary';
import { CommandContextError } from '../shared/command-context-error';
import { assertNever, type Decider } from '../shared/decider';
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
  GatheringCommand,
  RecordGatheringHeld,
  RegisterForGathering,
  ScheduleGathering,
} from './gathering.commands';
import {
  AlreadyRegisteredError,
  DuplicateProgrammeItemError,
  GatheringAlreadyCancelledError,
  GatheringAlreadyExistsError,
  GatheringAlreadyHeldError,
  GatheringClosedError,
  GatheringErrorCode,
  GatheringFullError,
  GatheringMemberNotActiveError,
  GatheringNotFoundError,
  GatheringNotYetHeldError,
  InvalidGatheringCommandError,
  NotRegisteredError,
  SpotlightedDoetankNotFoundError,
  UnknownAttendeesError,
  type InvalidGatheringCommandCode,
} from './gathering.errors';
import type { ExistingGathering, GatheringState, ScheduledGathering } from './gathering.state';

/** A gathering stream before it was scheduled. */
export const initialGatheringState: GatheringState = { status: 'none' };

// Checks run in one order for every command: the gathering exists; the input is well-formed; the lifecycle
// allows it; the member may do it; ids are new and places are left.

const requireExisting = (gatheringId: string, state: GatheringState): ExistingGathering => {
  if (state.status === 'none') throw new GatheringNotFoundError(gatheringId);
  return state;
};

/** Registrations are open until the gathering is held or cancelled. */
const requireOpenForRegistration = (gathering: ExistingGathering): ScheduledGathering => {
  if (gathering.status !== 'scheduled')
    throw new GatheringClosedError(gathering.gatheringId, gathering.status);
  return gathering;
};

/** Neither held nor cancelled: for holding and cancelling the gathering itself. */
const requireScheduled = (gathering: ExistingGathering): ScheduledGathering => {
  if (gathering.status === 'held') throw new GatheringAlreadyHeldError(gathering.gatheringId);
  if (gathering.status === 'cancelled') throw new GatheringAlreadyCancelledError(gathering.gatheringId);
  return gathering;
};

const requireText = (
  value: string,
  code: InvalidGatheringCommandCode,
  message: string,
  gatheringId: string,
): string => {
  if (isBlank(value)) throw new InvalidGatheringCommandError(code, message, { gatheringId });
  return value.trim();
};

const requireNormalisedTime = (field: string, value: string, gatheringId: string): string => {
  if (!isNormalisedIsoTime(value)) {
    throw new InvalidGatheringCommandError(
      GatheringErrorCode.INVALID_TIME,
      `${field} of gathering ${gatheringId} must be an ISO-8601 UTC time like 2012-11-22T19:00:00.000Z`,
      { gatheringId, [field]: value },
    );
  }
  return value;
};

const schedule = ({ data }: ScheduleGathering, state: GatheringState): GatheringEvent[] => {
  const { gatheringId, kind, capacity } = data;
  if (state.status !== 'none') throw new GatheringAlreadyExistsError(gatheringId);
  if (!(GATHERING_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidGatheringCommandError(
      GatheringErrorCode.UNKNOWN_KIND,
      `Gathering kind "${kind}" is not one of ${GATHERING_KINDS.join(', ')}`,
      { gatheringId, kind, allowed: GATHERING_KINDS },
    );
  }
  const title = requireText(
    data.title,
    GatheringErrorCode.TITLE_REQUIRED,
    `Gathering ${gatheringId} needs a title`,
    gatheringId,
  );
  const venue = requireText(
    data.venue,
    GatheringErrorCode.VENUE_REQUIRED,
    `Gathering ${gatheringId} needs a venue`,
    gatheringId,
  );
  const startsAt = requireNormalisedTime('startsAt', data.startsAt, gatheringId);
  if (!Number.isInteger(capacity) || capacity <= 0) {
    throw new InvalidGatheringCommandError(
      GatheringErrorCode.INVALID_CAPACITY,
      `The capacity of gathering ${gatheringId} must be a positive whole number, not ${capacity}`,
      { gatheringId, capacity },
    );
  }
  const city = optionalText(data.city);
  return [
    {
      type: 'GatheringScheduled',
      data: { gatheringId, kind, title, startsAt, venue, ...(city !== undefined && { city }), capacity },
    },
  ];
};

const register = ({ type, data, context }: RegisterForGathering, state: GatheringState): GatheringEvent[] => {
  const { gatheringId, memberId } = data;
  const gathering = requireOpenForRegistration(requireExisting(gatheringId, state));
  const { status } = factsAbout(type, context?.member, memberId);
  if (status !== 'active') throw new GatheringMemberNotActiveError(gatheringId, memberId, status);
  if (gathering.registered.includes(memberId)) throw new AlreadyRegisteredError(gatheringId, memberId);
  if (gathering.registered.length >= gathering.capacity)
    throw new GatheringFullError(gatheringId, gathering.capacity);
  return [{ type: 'ParticipantRegistered', data: { gatheringId, memberId } }];
};

const cancelRegistration = ({ data }: CancelRegistration, state: GatheringState): GatheringEvent[] => {
  const { gatheringId, memberId } = data;
  const gathering = requireOpenForRegistration(requireExisting(gatheringId, state));
  if (!gathering.registered.includes(memberId)) throw new NotRegisteredError(gatheringId, memberId);
  return [{ type: 'RegistrationCancelled', data: { gatheringId, memberId } }];
};

const addProgrammeItem = (
  { type, data, context }: AddProgrammeItem,
  state: GatheringState,
): GatheringEvent[] => {
  const { gatheringId, itemId } = data;
  const gathering = requireExisting(gatheringId, state);
  const title = requireText(
    data.title,
    GatheringErrorCode.PROGRAMME_TITLE_REQUIRED,
    `Programme item ${itemId} of gathering ${gatheringId} needs a title`,
    gatheringId,
  );
  // A programme may still be completed after the gathering was held (history is often recorded afterwards).
  if (gathering.status === 'cancelled') throw new GatheringAlreadyCancelledError(gatheringId);
  const doetankId = optionalText(data.doetankId);
  if (doetankId !== undefined) {
    if (context?.doetankExists === undefined) {
      throw new CommandContextError(type, `the context does not say whether Doetank ${doetankId} exists`);
    }
    if (!context.doetankExists) throw new SpotlightedDoetankNotFoundError(gatheringId, doetankId);
  }
  if (gathering.programme.some((item) => item.itemId === itemId))
    throw new DuplicateProgrammeItemError(gatheringId, itemId);
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
    throw new InvalidGatheringCommandError(
      GatheringErrorCode.DUPLICATE_ATTENDEES,
      `Attendees of gathering ${gatheringId} are listed more than once: ${duplicates.join(', ')}`,
      { gatheringId, memberIds: duplicates },
    );
  }
  const scheduled = requireScheduled(gathering);
  // Both times are normalised UTC ISO strings, so their first ten characters compare as calendar dates.
  if (utcCalendarDate(heldOn) < utcCalendarDate(scheduled.startsAt)) {
    throw new GatheringNotYetHeldError(gatheringId, scheduled.startsAt, heldOn);
  }
  if (!Array.isArray(context?.unknownAttendees)) {
    throw new CommandContextError(type, 'the context does not list which attendees are unknown');
  }
  if (context.unknownAttendees.length > 0)
    throw new UnknownAttendeesError(gatheringId, context.unknownAttendees);
  return [{ type: 'GatheringHeld', data: { gatheringId, attendees: [...attendees], heldOn } }];
};

const cancel = ({ data }: CancelGathering, state: GatheringState): GatheringEvent[] => {
  const { gatheringId } = data;
  const gathering = requireExisting(gatheringId, state);
  const reason = requireText(
    data.reason,
    GatheringErrorCode.REASON_REQUIRED,
    `Cancelling gathering ${gatheringId} needs a reason`,
    gatheringId,
  );
  requireScheduled(gathering);
  return [{ type: 'GatheringCancelled', data: { gatheringId, reason } }];
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
    case 'CancelGathering':
      return cancel(command, state);
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
    case 'GatheringCancelled':
      if (state.status !== 'scheduled') return state;
      return { ...state, status: 'cancelled', reason: event.data.reason };
    default:
      return assertNever(event);
  }
};

/** The gathering decider: one stream per café, Grand Café or masterclass (`gathering-<id>`). */
export const gatheringDecider: Decider<GatheringCommand, GatheringEvent, GatheringState> = {
  decide: decideGathering,
  evolve: evolveGathering,
  initialState: initialGatheringState,
};
