import { invalid, notFound, rule, type ErrorTable } from './domain-error';

type Correction = { streamId: string; revision: number };

/** Refusals of business time that would run backwards, whatever the aggregate. */
export const businessTimeErrors = {
  /**
   * A command dated before something it depends on: the stream's previous event, the start of the Doetank, the
   * member's joining the network. Both times are named, so the sender can see which one to fix.
   */
  'BUSINESS_TIME.BEFORE_DEPENDENCY': rule(
    (p: { command: string; occurredAt: string; dependency: string; dependencyAt: string }) =>
      `${p.command} is dated ${p.occurredAt}, before ${p.dependency} at ${p.dependencyAt}; business time cannot run backwards`,
  ),
  /** A correction would move an event after the one that follows it (which depends on it). */
  'BUSINESS_TIME.AFTER_DEPENDENT': rule(
    (p: { command: string; occurredAt: string; dependent: string; dependentAt: string }) =>
      `${p.command} would date it ${p.occurredAt}, after ${p.dependent} at ${p.dependentAt}, which came after it`,
  ),
  /** An event whose recorded time is a fact of the record itself (an erasure, a revocation), not of the network. */
  'BUSINESS_TIME.NOT_CORRECTABLE': rule(
    (p: Correction & { eventType: string; why: string }) =>
      `The business time of ${p.eventType} (revision ${p.revision} of ${p.streamId}) cannot be corrected: ${p.why}`,
  ),
  'BUSINESS_TIME.NO_SUCH_EVENT': notFound(
    (p: Correction) =>
      `Stream ${p.streamId} has no event at revision ${p.revision} whose business time could be corrected`,
  ),
  'BUSINESS_TIME.CORRECTION_UNCHANGED': rule(
    (p: Correction & { occurredAt: string }) =>
      `The event at revision ${p.revision} of ${p.streamId} is already dated ${p.occurredAt}`,
  ),
  'BUSINESS_TIME.REASON_REQUIRED': invalid(
    (p: Correction) =>
      `Correcting the business time of revision ${p.revision} of ${p.streamId} needs a reason`,
  ),
  'BUSINESS_TIME.INVALID_TIME': invalid(
    (p: Correction & { value: string }) =>
      `The corrected business time must be a UTC ISO-8601 date-time (toISOString form), not "${p.value}"`,
  ),
} as const satisfies ErrorTable;
