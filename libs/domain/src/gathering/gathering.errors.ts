import {
  AggregateAlreadyExistsError,
  AggregateNotFoundError,
  InvalidCommandError,
  ReferenceNotFoundError,
  RuleViolationError,
} from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';
import { utcCalendarDate } from '../shared/validation';

/** Stable codes of gathering refusals. */
export const GatheringErrorCode = {
  NOT_FOUND: 'GATHERING.NOT_FOUND',
  ALREADY_EXISTS: 'GATHERING.ALREADY_EXISTS',
  CLOSED: 'GATHERING.CLOSED',
  ALREADY_HELD: 'GATHERING.ALREADY_HELD',
  ALREADY_CANCELLED: 'GATHERING.ALREADY_CANCELLED',
  FULL: 'GATHERING.FULL',
  MEMBER_NOT_ACTIVE: 'GATHERING.MEMBER_NOT_ACTIVE',
  ALREADY_REGISTERED: 'GATHERING.ALREADY_REGISTERED',
  NOT_REGISTERED: 'GATHERING.NOT_REGISTERED',
  NOT_YET_HELD: 'GATHERING.NOT_YET_HELD',
  DUPLICATE_PROGRAMME_ITEM: 'GATHERING.DUPLICATE_PROGRAMME_ITEM',
  UNKNOWN_DOETANK: 'GATHERING.UNKNOWN_DOETANK',
  UNKNOWN_ATTENDEES: 'GATHERING.UNKNOWN_ATTENDEES',
  UNKNOWN_KIND: 'GATHERING.UNKNOWN_KIND',
  TITLE_REQUIRED: 'GATHERING.TITLE_REQUIRED',
  VENUE_REQUIRED: 'GATHERING.VENUE_REQUIRED',
  INVALID_CAPACITY: 'GATHERING.INVALID_CAPACITY',
  INVALID_TIME: 'GATHERING.INVALID_TIME',
  PROGRAMME_TITLE_REQUIRED: 'GATHERING.PROGRAMME_TITLE_REQUIRED',
  DUPLICATE_ATTENDEES: 'GATHERING.DUPLICATE_ATTENDEES',
  REASON_REQUIRED: 'GATHERING.REASON_REQUIRED',
} as const;

type Code = typeof GatheringErrorCode;
export type InvalidGatheringCommandCode =
  | Code['UNKNOWN_KIND']
  | Code['TITLE_REQUIRED']
  | Code['VENUE_REQUIRED']
  | Code['INVALID_CAPACITY']
  | Code['INVALID_TIME']
  | Code['PROGRAMME_TITLE_REQUIRED']
  | Code['DUPLICATE_ATTENDEES']
  | Code['REASON_REQUIRED'];

/** A command addressed to a gathering that was never scheduled. */
export class GatheringNotFoundError extends AggregateNotFoundError {
  declare readonly code: Code['NOT_FOUND'];
  constructor(gatheringId: string) {
    super(GatheringErrorCode.NOT_FOUND, 'Gathering', gatheringId);
  }
}

/** ScheduleGathering with an id that is already taken. */
export class GatheringAlreadyExistsError extends AggregateAlreadyExistsError {
  declare readonly code: Code['ALREADY_EXISTS'];
  constructor(gatheringId: string) {
    super(GatheringErrorCode.ALREADY_EXISTS, 'Gathering', gatheringId);
  }
}

/** Registrations (and their cancellation) end when the gathering was held or cancelled. */
export class GatheringClosedError extends RuleViolationError {
  declare readonly code: Code['CLOSED'];
  constructor(gatheringId: string, status: 'held' | 'cancelled') {
    super(GatheringErrorCode.CLOSED, `Gathering ${gatheringId} was ${status}; registrations are closed`, {
      gatheringId,
      status,
    });
  }
}

/** The gathering was already held: it cannot be held again or cancelled. */
export class GatheringAlreadyHeldError extends RuleViolationError {
  declare readonly code: Code['ALREADY_HELD'];
  constructor(gatheringId: string) {
    super(GatheringErrorCode.ALREADY_HELD, `Gathering ${gatheringId} was already held`, { gatheringId });
  }
}

/** The gathering was cancelled: it cannot be cancelled again, held or given programme items. */
export class GatheringAlreadyCancelledError extends RuleViolationError {
  declare readonly code: Code['ALREADY_CANCELLED'];
  constructor(gatheringId: string) {
    super(GatheringErrorCode.ALREADY_CANCELLED, `Gathering ${gatheringId} was cancelled`, { gatheringId });
  }
}

/** Every place is taken. */
export class GatheringFullError extends RuleViolationError {
  declare readonly code: Code['FULL'];
  constructor(gatheringId: string, capacity: number) {
    super(GatheringErrorCode.FULL, `Gathering ${gatheringId} is full (capacity ${capacity})`, {
      gatheringId,
      capacity,
    });
  }
}

/** Only active members register. */
export class GatheringMemberNotActiveError extends RuleViolationError {
  declare readonly code: Code['MEMBER_NOT_ACTIVE'];
  constructor(gatheringId: string, memberId: string, memberStatus: MemberStatus) {
    super(
      GatheringErrorCode.MEMBER_NOT_ACTIVE,
      `Only active members can register for gathering ${gatheringId}; member ${memberId} is ${memberStatus}`,
      { gatheringId, memberId, memberStatus },
    );
  }
}

/** RegisterForGathering by a member who is already registered. */
export class AlreadyRegisteredError extends RuleViolationError {
  declare readonly code: Code['ALREADY_REGISTERED'];
  constructor(gatheringId: string, memberId: string) {
    super(
      GatheringErrorCode.ALREADY_REGISTERED,
      `Member ${memberId} is already registered for gathering ${gatheringId}`,
      {
        gatheringId,
        memberId,
      },
    );
  }
}

/** CancelRegistration by a member who is not registered. */
export class NotRegisteredError extends RuleViolationError {
  declare readonly code: Code['NOT_REGISTERED'];
  constructor(gatheringId: string, memberId: string) {
    super(
      GatheringErrorCode.NOT_REGISTERED,
      `Member ${memberId} is not registered for gathering ${gatheringId}`,
      {
        gatheringId,
        memberId,
      },
    );
  }
}

/** Attendance recorded before the day of the gathering. */
export class GatheringNotYetHeldError extends RuleViolationError {
  declare readonly code: Code['NOT_YET_HELD'];
  constructor(gatheringId: string, startsAt: string, heldOn: string) {
    super(
      GatheringErrorCode.NOT_YET_HELD,
      `Attendance of gathering ${gatheringId} can be recorded on or after ${utcCalendarDate(startsAt)}, not on ${utcCalendarDate(heldOn)}`,
      { gatheringId, startsAt, heldOn },
    );
  }
}

/** A programme item id the gathering already used. */
export class DuplicateProgrammeItemError extends RuleViolationError {
  declare readonly code: Code['DUPLICATE_PROGRAMME_ITEM'];
  constructor(gatheringId: string, itemId: string) {
    super(
      GatheringErrorCode.DUPLICATE_PROGRAMME_ITEM,
      `Gathering ${gatheringId} already has a programme item ${itemId}`,
      {
        gatheringId,
        itemId,
      },
    );
  }
}

/** A programme item spotlights a Doetank that does not exist. */
export class SpotlightedDoetankNotFoundError extends ReferenceNotFoundError {
  declare readonly code: Code['UNKNOWN_DOETANK'];
  constructor(gatheringId: string, doetankId: string) {
    super(
      GatheringErrorCode.UNKNOWN_DOETANK,
      `Doetank ${doetankId}, spotlighted at gathering ${gatheringId}, does not exist`,
      {
        gatheringId,
        doetankId,
      },
    );
  }
}

/** Attendees without a member stream. */
export class UnknownAttendeesError extends ReferenceNotFoundError {
  declare readonly code: Code['UNKNOWN_ATTENDEES'];
  constructor(gatheringId: string, memberIds: readonly string[]) {
    super(
      GatheringErrorCode.UNKNOWN_ATTENDEES,
      `Attendees of gathering ${gatheringId} are not members: ${memberIds.join(', ')}`,
      { gatheringId, memberIds: [...memberIds] },
    );
  }
}

/** A gathering command with input only the domain can judge (unknown kind, capacity, time form, ...). */
export class InvalidGatheringCommandError extends InvalidCommandError {
  declare readonly code: InvalidGatheringCommandCode;
  constructor(code: InvalidGatheringCommandCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
