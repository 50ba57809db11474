import { aggregateErrors, invalid, notFound, rule, type ErrorTable } from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';
import { utcCalendarDate } from '../shared/validation';

type Gathering = { gatheringId: string };

/** Refusals of the gathering decider. */
export const gatheringErrors = {
  ...aggregateErrors('GATHERING', 'Gathering'),
  /** Registrations (and their cancellation) end when the gathering was held or cancelled. */
  'GATHERING.CLOSED': rule(
    (p: Gathering & { status: 'held' | 'cancelled' }) =>
      `Gathering ${p.gatheringId} was ${p.status}; registrations are closed`,
  ),
  /** A held gathering cannot be held again or cancelled. */
  'GATHERING.ALREADY_HELD': rule((p: Gathering) => `Gathering ${p.gatheringId} was already held`),
  /** A cancelled gathering cannot be cancelled again, held or given programme items. */
  'GATHERING.ALREADY_CANCELLED': rule((p: Gathering) => `Gathering ${p.gatheringId} was cancelled`),
  'GATHERING.FULL': rule(
    (p: Gathering & { capacity: number }) => `Gathering ${p.gatheringId} is full (capacity ${p.capacity})`,
  ),
  'GATHERING.MEMBER_NOT_ACTIVE': rule(
    (p: Gathering & { memberId: string; memberStatus: MemberStatus }) =>
      `Only active members can register for gathering ${p.gatheringId}; member ${p.memberId} is ${p.memberStatus}`,
  ),
  'GATHERING.ALREADY_REGISTERED': rule(
    (p: Gathering & { memberId: string }) =>
      `Member ${p.memberId} is already registered for gathering ${p.gatheringId}`,
  ),
  'GATHERING.NOT_REGISTERED': rule(
    (p: Gathering & { memberId: string }) =>
      `Member ${p.memberId} is not registered for gathering ${p.gatheringId}`,
  ),
  /** Attendance recorded before the day of the gathering. */
  'GATHERING.NOT_YET_HELD': rule(
    (p: Gathering & { startsAt: string; heldOn: string }) =>
      `Attendance of gathering ${p.gatheringId} can be recorded on or after ${utcCalendarDate(p.startsAt)}, not on ${utcCalendarDate(p.heldOn)}`,
  ),
  /** A report tells what happened: only a held gathering has one. */
  'GATHERING.NOT_HELD': rule(
    (p: Gathering & { status: 'scheduled' | 'cancelled' }) =>
      `Gathering ${p.gatheringId} is ${p.status}; only a held gathering can have a report`,
  ),
  'GATHERING.DUPLICATE_PROGRAMME_ITEM': rule(
    (p: Gathering & { itemId: string }) =>
      `Gathering ${p.gatheringId} already has a programme item ${p.itemId}`,
  ),
  /** A programme item spotlights a Doetank that does not exist. */
  'GATHERING.UNKNOWN_DOETANK': notFound(
    (p: Gathering & { doetankId: string }) =>
      `Doetank ${p.doetankId}, spotlighted at gathering ${p.gatheringId}, does not exist`,
  ),
  /** Attendees without a member stream. */
  'GATHERING.UNKNOWN_ATTENDEES': notFound(
    (p: Gathering & { memberIds: readonly string[] }) =>
      `Attendees of gathering ${p.gatheringId} are not members: ${p.memberIds.join(', ')}`,
  ),
  'GATHERING.UNKNOWN_KIND': invalid(
    (p: Gathering & { kind: string; allowed: readonly string[] }) =>
      `Gathering kind "${p.kind}" is not one of ${p.allowed.join(', ')}`,
  ),
  'GATHERING.TITLE_REQUIRED': invalid((p: Gathering) => `Gathering ${p.gatheringId} needs a title`),
  'GATHERING.VENUE_REQUIRED': invalid((p: Gathering) => `Gathering ${p.gatheringId} needs a venue`),
  'GATHERING.INVALID_CAPACITY': invalid(
    (p: Gathering & { capacity: number }) =>
      `The capacity of gathering ${p.gatheringId} must be a positive whole number, not ${p.capacity}`,
  ),
  /** The domain compares times as strings, so it takes only the normalised `toISOString()` form. */
  'GATHERING.INVALID_TIME': invalid(
    (p: Gathering & { field: 'startsAt' | 'heldOn'; value: string }) =>
      `${p.field} of gathering ${p.gatheringId} must be an ISO-8601 UTC time like 2012-11-22T19:00:00.000Z`,
  ),
  'GATHERING.REPORT_TEXT_REQUIRED': invalid(
    (p: Gathering & { field: string }) => `The report of gathering ${p.gatheringId} needs a ${p.field}`,
  ),
  'GATHERING.PROGRAMME_TITLE_REQUIRED': invalid(
    (p: Gathering & { itemId: string }) =>
      `Programme item ${p.itemId} of gathering ${p.gatheringId} needs a title`,
  ),
  'GATHERING.DUPLICATE_ATTENDEES': invalid(
    (p: Gathering & { memberIds: readonly string[] }) =>
      `Attendees of gathering ${p.gatheringId} are listed more than once: ${p.memberIds.join(', ')}`,
  ),
  'GATHERING.REASON_REQUIRED': invalid(
    (p: Gathering) => `Cancelling gathering ${p.gatheringId} needs a reason`,
  ),
} as const satisfies ErrorTable;
