import type {
  GatheringCancelled,
  GatheringHeld,
  GatheringReportRecorded,
  GatheringScheduled,
  ParticipantRegistered,
  ProgrammeItemAdded,
  RegistrationCancelled,
} from '@app/contracts';
import type { BusinessTime, CorrectedEvent, StreamClock } from '../shared/business-time';
import type { MemberFacts } from '../shared/member-status';

export interface ScheduleGathering {
  type: 'ScheduleGathering';
  data: GatheringScheduled['data'];
}

export interface RegisterForGathering {
  type: 'RegisterForGathering';
  data: ParticipantRegistered['data'];
  context: { member: MemberFacts };
}

export interface CancelRegistration {
  type: 'CancelRegistration';
  data: RegistrationCancelled['data'];
}

export interface AddProgrammeItem {
  type: 'AddProgrammeItem';
  data: ProgrammeItemAdded['data'];
  /** Whether the spotlighted Doetank exists (read from its stream); absent when no Doetank is named. */
  context: { doetankExists?: boolean };
}

export interface RecordGatheringHeld {
  type: 'RecordGatheringHeld';
  /** `heldOn`: the business time at which attendance is recorded (ISO-8601). */
  data: GatheringHeld['data'];
  /** The facts of each attendee, in the order of `attendees`: who is a member, and since when. */
  context: { attendees: readonly MemberFacts[] };
}

export interface RecordGatheringReport {
  type: 'RecordGatheringReport';
  data: GatheringReportRecorded['data'];
}

export interface CancelGathering {
  type: 'CancelGathering';
  data: GatheringCancelled['data'];
}

/**
 * Corrects the business time of the event at `revision` of a gathering's stream (a coordinator's act, audited as
 * its own event), like `CorrectBusinessTime` on a Doetank's: the handler passes the stream's clock and the
 * corrected event as stored. Named for its stream, because the import routes commands by name.
 */
export interface CorrectGatheringBusinessTime {
  type: 'CorrectGatheringBusinessTime';
  data: { gatheringId: string; revision: number; correctedTo: string; reason: string };
  /** `members`: the facts of the members acting in the corrected event (`membersActingIn`), in their order. */
  context: { clock: StreamClock; corrected: CorrectedEvent | undefined; members: readonly MemberFacts[] };
}

/** Every gathering command, with the business time the write path dates it with. */
export type GatheringCommand = (
  | ScheduleGathering
  | RegisterForGathering
  | CancelRegistration
  | AddProgrammeItem
  | RecordGatheringHeld
  | RecordGatheringReport
  | CancelGathering
  | CorrectGatheringBusinessTime
) &
  BusinessTime;
