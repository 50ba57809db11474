import type { GatheringKind, GatheringReportRecorded } from '@app/contracts';
import type { MemberFacts } from '../shared/member-status';

export interface ScheduleGathering {
  type: 'ScheduleGathering';
  data: {
    gatheringId: string;
    kind: GatheringKind;
    title: string;
    startsAt: string;
    venue: string;
    city?: string;
    capacity: number;
  };
}

export interface RegisterForGathering {
  type: 'RegisterForGathering';
  data: { gatheringId: string; memberId: string };
  context: { member: MemberFacts };
}

export interface CancelRegistration {
  type: 'CancelRegistration';
  data: { gatheringId: string; memberId: string };
}

export interface AddProgrammeItem {
  type: 'AddProgrammeItem';
  data: { gatheringId: string; itemId: string; title: string; speaker?: string; doetankId?: string };
  /** Whether the spotlighted Doetank exists (read from its stream); absent when no Doetank is named. */
  context: { doetankExists?: boolean };
}

export interface RecordGatheringHeld {
  type: 'RecordGatheringHeld';
  /** `heldOn`: the business time at which attendance is recorded (ISO-8601). */
  data: { gatheringId: string; attendees: string[]; heldOn: string };
  /** Attendees whose member stream does not exist. */
  context: { unknownAttendees: string[] };
}

export interface RecordGatheringReport {
  type: 'RecordGatheringReport';
  data: GatheringReportRecorded['data'];
}

export interface CancelGathering {
  type: 'CancelGathering';
  data: { gatheringId: string; reason: string };
}

export type GatheringCommand =
  | ScheduleGathering
  | RegisterForGathering
  | CancelRegistration
  | AddProgrammeItem
  | RecordGatheringHeld
  | RecordGatheringReport
  | CancelGathering;
